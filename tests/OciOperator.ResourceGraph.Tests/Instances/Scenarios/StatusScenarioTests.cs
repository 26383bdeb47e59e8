using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// kro's status scenarios (A.3.3 status_test, status_schema_ref_test, status_array_projection_test; A.3.2
/// instance_custom_conditions_test), and Secret values kept out of everything the instance shows.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class StatusScenarioTests
{
    [Test]
    public async Task Controller_StatusProjection_FieldsAppearOnlyWhenTheirDataExists()
    {
        var rgd = Of("projection", "Projection", "name: string | default=\"n\"",
            Widget("src", "${schema.metadata.name}-src"),
            status: """
                fromSpec: ${schema.spec.name}
                summary: 'name=${src.metadata.name} at ${src.status.address}'
                nested:
                  address: ${src.status.address}
                  count: ${src.status.count}
                endpoints: ${src.status.endpoints}
                pair: ['${src.status.address}', '${src.metadata.name}']
                """);
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Projection", "app", "{name: first}"));

        var early = await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");
        Assert.That(early!["status"]!["fromSpec"]!.GetValue<string>(), Is.EqualTo("first"), "schema-only fields need no resource");
        Assert.That(early["status"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "fromSpec", "state", "conditions" }), "fields whose data is missing are left out");

        await h.PatchAsync(Widgets, "default", "app-src", "{status: {address: 10.1.2.3, count: 4, endpoints: [a, b]}}");

        var full = await h.WaitAsync(served.Type, "default", "app", i => i?["status"]?["summary"] is not null, "the projected fields");
        var status = full!["status"]!;
        Assert.That(status["summary"]!.GetValue<string>(), Is.EqualTo("name=app-src at 10.1.2.3"));
        Assert.That(status["nested"]!["address"]!.GetValue<string>(), Is.EqualTo("10.1.2.3"));
        Assert.That(status["nested"]!["count"]!.GetValue<long>(), Is.EqualTo(4));
        Assert.That(status["endpoints"]!.AsArray().Select(e => e!.GetValue<string>()), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(status["pair"]!.AsArray().Select(e => e!.GetValue<string>()), Is.EqualTo(new[] { "10.1.2.3", "app-src" }));

        await h.PatchAsync(served.Type, "default", "app", "{spec: {name: second}}");
        await h.WaitAsync(served.Type, "default", "app", i => i?["status"]?["fromSpec"]?.GetValue<string>() == "second", "the schema field to follow the spec");

        // The data goes away: status is server-side applied, so the fields no longer applied are removed.
        await h.PatchAsync(Widgets, "default", "app-src", "{status: {address: null, endpoints: null}}");
        var shrunk = await h.WaitAsync(served.Type, "default", "app", i => i?["status"]?["summary"] is null, "the fields whose data went away to leave the status");
        Assert.That(shrunk!["status"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "fromSpec", "nested", "state", "conditions" }));
        Assert.That(shrunk["status"]!["nested"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "count" }), "a nested field whose data is still there stays");
        var managers = shrunk["metadata"]!["managedFields"]!.AsArray().OfType<JsonObject>().ToList();
        var statusEntry = managers.Single(m => m["subresource"]?.GetValue<string>() == "status");
        Assert.That(statusEntry["manager"]!.GetValue<string>(), Is.EqualTo(KroMetadata.FieldManager));
        Assert.That(statusEntry["operation"]!.GetValue<string>(), Is.EqualTo("Apply"));
        Assert.That(statusEntry["fieldsV1"]!.ToJsonString(), Does.Contain("f:fromSpec").And.Not.Contain("f:summary"));
    }

    private const string ConditionsRgdStatus = """
        conditions:
          - '${runtime.newCondition({type: "SourceReady", status: src.?status.?ready.orValue(false) ? "True" : "False", reason: "Observed", message: "source is " + src.metadata.name})}'
          - '${runtime.newCondition({type: "Mirrored", status: runtime.condition(schema, "ResourcesReady").status, reason: "FromKro"})}'
          - '${runtime.newCondition({type: "HasAddress", status: src.status.address != "" ? "True" : "False", reason: "Address"})}'
        """;

    [Test]
    public async Task Controller_AuthorConditions_WrittenTransitionTimesKeptAndPendingKeepsPrevious()
    {
        var rgd = Of("conditions", "Conditioned", "", Widget("src", "${schema.metadata.name}-src"), status: ConditionsRgdStatus);
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Conditioned", "app"));

        var first = await h.WaitAsync(served.Type, "default", "app", i => Condition(i, "SourceReady") == "False" && Condition(i, "Mirrored") == "True", "the author conditions");
        Assert.That(Condition(first, "SourceReady", "message"), Is.EqualTo("source is app-src"));
        Assert.That(Condition(first, "HasAddress"), Is.Null, "a condition whose data is pending is not written yet");
        Assert.That(Condition(first, InstanceConditions.ResourcesReady), Is.Null, "author conditions replace the built-in ones in status");
        Assert.That(State(first), Is.EqualTo("ACTIVE"), "state stays kro-driven");
        var mirroredSince = Condition(first, "Mirrored", "lastTransitionTime");

        await h.PatchAsync(Widgets, "default", "app-src", "{status: {ready: true, address: x}}");

        var second = await h.WaitAsync(served.Type, "default", "app", i => Condition(i, "SourceReady") == "True" && Condition(i, "HasAddress") == "True", "the conditions to follow the source");
        Assert.That(Condition(second, "Mirrored", "lastTransitionTime"), Is.EqualTo(mirroredSince), "an unchanged condition keeps its lastTransitionTime");

        await h.PatchAsync(Widgets, "default", "app-src", "{status: {address: null}}");
        await h.WaitAsync(Widgets, "default", "app-src", w => w?["status"]?["address"] is null, "the address to be gone");
        await Eventually.WaitAsync(async () => Condition(await h.GetAsync(served.Type, "default", "app"), "SourceReady") == "True", "a reconcile after the change");
        Assert.That(Condition(await h.GetAsync(served.Type, "default", "app"), "HasAddress"), Is.EqualTo("True"), "a pending author condition keeps its previous value");
    }

    [Test]
    public async Task Controller_SecretChild_ValuesNeverInStatusConditionsEventsOrLogs()
    {
        const string Password = "Not_A_Name_s3cret";
        var rgd = Of("secretive", "Secretive", "password: string",
            """
            - id: secret
              template:
                apiVersion: v1
                kind: Secret
                metadata: {name: '${schema.metadata.name}-creds'}
                stringData: {password: '${schema.spec.password}'}
            - id: config
              template:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: '${string(secret.data.password)}'}
                data: {k: v}
            """,
            status: "leak: ${string(secret.data.password)}\nname: ${secret.metadata.name}");
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Secretive", "app", $"{{password: {Password}}}"));

        var failed = await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ERROR", "the ConfigMap named after the password to be rejected");
        await Eventually.WaitAsync(async () => (await h.EventsAsync("default", "app")).Count > 0, "the Warning Event");

        Assert.That(failed!["status"]!["name"]!.GetValue<string>(), Is.EqualTo("app-creds"));
        Assert.That(failed["status"]!["leak"], Is.Null, "a field that would reveal a Secret value is left out");
        Assert.That(Condition(failed, InstanceConditions.ResourcesReady, "message"), Does.Contain("was rejected").And.Contain(SecretRedactorMask));
        Assert.That(failed["status"]!.ToJsonString(), Does.Not.Contain(Password));
        var events = await h.EventsAsync("default", "app");
        Assert.That(events.Select(e => e["type"]!.GetValue<string>()), Does.Contain("Warning"));
        Assert.That(events.Select(e => e.ToJsonString()), Has.None.Contain(Password));
        Assert.That(h.Logs.Lines, Has.Some.Contain("is in ERROR"));
        Assert.That(h.Logs.Lines, Has.None.Contain(Password));
    }

    private const string SecretRedactorMask = "[redacted]";
}
