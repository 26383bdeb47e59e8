using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>CRD lifecycle, schema validation/pruning/defaulting, status subresource and server-side apply via KubernetesClient.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientCustomResourceTests : KubeServerTest
{
    private const string Group = "example.com";
    private const string Version = "v1";
    private const string Plural = "widgets";

    protected override async Task OnServerStartedAsync()
    {
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(TestManifests.WidgetCrd));
    }


    private static JsonObject Widget(string name, JsonObject spec) => new()
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = spec,
    };

    private async Task<JsonNode> CreateAsync(JsonObject widget, string? fieldValidation = null) =>
        ApiAssert.Node(await Client.CustomObjects.CreateNamespacedCustomObjectAsync(widget, Group, Version, "default", Plural, fieldValidation: fieldValidation));

    private async Task<JsonNode> GetAsync(string name) =>
        ApiAssert.Node(await Client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, "default", Plural, name));

    [Test]
    public async Task CreateCrd_ConditionsTrueAndKindServedInDiscovery()
    {
        var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");
        var resources = await Client.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, "default", Plural);
        var (_, discovery, _) = await Server.SendAsync(HttpMethod.Get, "/apis/example.com/v1");

        Assert.That(crd.Status.Conditions.Select(c => (c.Type, c.Status)), Is.SupersetOf(new[] { ("NamesAccepted", "True"), ("Established", "True") }));
        Assert.That(crd.Status.AcceptedNames.Kind, Is.EqualTo("Widget"));
        Assert.That(crd.Spec.Names.ListKind, Is.EqualTo("WidgetList"));
        Assert.That(ApiAssert.Node(resources)["kind"]!.GetValue<string>(), Is.EqualTo("WidgetList"));
        var names = discovery!["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>());
        Assert.That(names, Is.EquivalentTo(new[] { "widgets", "widgets/status" }));
        Assert.That(discovery["resources"]![0]!["shortNames"]![0]!.GetValue<string>(), Is.EqualTo("wd"));
    }

    [Test]
    public async Task Create_InvalidWidget_422NamesEachBadField()
    {
        var widget = Widget("bad", new JsonObject { ["replicas"] = 11, ["color"] = "pink" });

        var status = await ApiAssert.FailsAsync(() => CreateAsync(widget), HttpStatusCode.UnprocessableEntity);

        var fields = status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>());
        Assert.That(fields, Is.EquivalentTo(new[] { "spec.replicas", "spec.color" }));
        Assert.That(status["message"]!.GetValue<string>(), Does.StartWith("Widget.example.com \"bad\" is invalid: ["));
        Assert.That(status["details"]!["kind"]!.GetValue<string>(), Is.EqualTo("Widget"));
    }

    [Test]
    public async Task Create_MissingRequired_422RequiredValue()
    {
        var status = await ApiAssert.FailsAsync(() => CreateAsync(Widget("bad", [])), HttpStatusCode.UnprocessableEntity);

        Assert.That(status["message"]!.GetValue<string>(), Is.EqualTo("Widget.example.com \"bad\" is invalid: spec.color: Required value"));
    }

    [Test]
    public async Task Create_AppliesSchemaDefaults()
    {
        var created = await CreateAsync(Widget("w", new JsonObject { ["color"] = "red" }));

        Assert.That(created["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(created["spec"]!["size"]!.GetValue<string>(), Is.EqualTo("m"));
        Assert.That(created["metadata"]!["generation"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Create_UnknownField_PrunedOrRejectedUnderStrict()
    {
        var strict = await ApiAssert.FailsAsync(
            () => CreateAsync(Widget("s", new JsonObject { ["color"] = "red", ["colour"] = "x" }), "Strict"), HttpStatusCode.BadRequest);
        var pruned = await CreateAsync(Widget("p", new JsonObject { ["color"] = "red", ["colour"] = "x" }));

        Assert.That(strict["message"]!.GetValue<string>(), Is.EqualTo(
            "Widget in version \"v1\" cannot be handled as a Widget: strict decoding error: unknown field \"spec.colour\""));
        Assert.That(pruned["spec"]!.AsObject().ContainsKey("colour"), Is.False);
    }

    [Test]
    public async Task StatusSubresource_MainIgnoresStatusAndStatusIgnoresSpec()
    {
        var widget = Widget("w", new JsonObject { ["color"] = "red" });
        widget["status"] = new JsonObject { ["phase"] = "Fake" };
        var created = await CreateAsync(widget);

        var mainPatch = new V1Patch("{\"spec\":{\"color\":\"blue\"},\"status\":{\"phase\":\"Ignored\"}}", V1Patch.PatchType.MergePatch);
        var afterMain = ApiAssert.Node(await Client.CustomObjects.PatchNamespacedCustomObjectAsync(mainPatch, Group, Version, "default", Plural, "w"));
        var statusPatch = new V1Patch("{\"spec\":{\"color\":\"green\"},\"status\":{\"phase\":\"Ready\"},\"metadata\":{\"labels\":{\"x\":\"y\"}}}", V1Patch.PatchType.MergePatch);
        var afterStatus = ApiAssert.Node(await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(statusPatch, Group, Version, "default", Plural, "w"));

        Assert.That(created["status"], Is.Null);
        Assert.That(afterMain["spec"]!["color"]!.GetValue<string>(), Is.EqualTo("blue"));
        Assert.That(afterMain["status"], Is.Null);
        Assert.That(afterMain["metadata"]!["generation"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(afterStatus["status"]!["phase"]!.GetValue<string>(), Is.EqualTo("Ready"));
        Assert.That(afterStatus["spec"]!["color"]!.GetValue<string>(), Is.EqualTo("blue"));
        Assert.That(afterStatus["metadata"]!["labels"], Is.Null);
        Assert.That(afterStatus["metadata"]!["generation"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task Replace_CustomResourceWithoutResourceVersion_422()
    {
        await CreateAsync(Widget("w", new JsonObject { ["color"] = "red" }));

        var status = await ApiAssert.FailsAsync(
            () => Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(Widget("w", new JsonObject { ["color"] = "blue" }), Group, Version, "default", Plural, "w"),
            HttpStatusCode.UnprocessableEntity);

        Assert.That(status["message"]!.GetValue<string>(), Is.EqualTo(
            "widgets.example.com \"w\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update"));
    }

    [Test]
    public async Task StrategicMergePatch_OnCustomResource_415()
    {
        await CreateAsync(Widget("w", new JsonObject { ["color"] = "red" }));
        var patch = new V1Patch("{\"spec\":{\"color\":\"blue\"}}", V1Patch.PatchType.StrategicMergePatch);

        var status = await ApiAssert.FailsAsync(
            () => Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, Group, Version, "default", Plural, "w"), HttpStatusCode.UnsupportedMediaType);

        Assert.That(status["reason"]!.GetValue<string>(), Is.EqualTo("UnsupportedMediaType"));
    }

    [Test]
    public async Task ServerSideApply_OwnershipConflictsForceAndRemoval()
    {
        var full = Widget("w", new JsonObject { ["color"] = "red", ["replicas"] = 3 });
        var applyFull = new V1Patch(full.ToJsonString(), V1Patch.PatchType.ApplyPatch);

        var created = ApiAssert.Node(await Client.CustomObjects.PatchNamespacedCustomObjectAsync(applyFull, Group, Version, "default", Plural, "w", fieldManager: "alice"));
        var other = new V1Patch(Widget("w", new JsonObject { ["color"] = "blue" }).ToJsonString(), V1Patch.PatchType.ApplyPatch);
        var conflict = await ApiAssert.FailsAsync(
            () => Client.CustomObjects.PatchNamespacedCustomObjectAsync(other, Group, Version, "default", Plural, "w", fieldManager: "bob"), HttpStatusCode.Conflict);
        var shared = new V1Patch(Widget("w", new JsonObject { ["color"] = "red" }).ToJsonString(), V1Patch.PatchType.ApplyPatch);
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(shared, Group, Version, "default", Plural, "w", fieldManager: "carol");
        var smaller = new V1Patch(Widget("w", new JsonObject { ["color"] = "red" }).ToJsonString(), V1Patch.PatchType.ApplyPatch);
        var afterSmaller = ApiAssert.Node(await Client.CustomObjects.PatchNamespacedCustomObjectAsync(smaller, Group, Version, "default", Plural, "w", fieldManager: "alice"));
        var forced = ApiAssert.Node(await Client.CustomObjects.PatchNamespacedCustomObjectAsync(other, Group, Version, "default", Plural, "w", fieldManager: "bob", force: true));

        Assert.That(created["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(conflict["details"]!["causes"]![0]!["field"]!.GetValue<string>(), Is.EqualTo(".spec.color"));
        Assert.That(conflict["message"]!.GetValue<string>(), Does.Contain("conflict with \"alice\""));
        Assert.That(afterSmaller["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(1), "replicas went back to its default once alice stopped applying it");
        Assert.That(forced["spec"]!["color"]!.GetValue<string>(), Is.EqualTo("blue"));
        var managers = forced["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>());
        Assert.That(managers, Does.Contain("bob"));
    }

    [Test]
    public async Task ServerSideApplyStatus_FieldNoLongerApplied_RemovedAndManagedPerSubresource()
    {
        await CreateAsync(Widget("w", new JsonObject { ["color"] = "red" }));
        JsonObject StatusOf(JsonObject status) => new()
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "w" },
            ["status"] = status,
        };
        var both = new V1Patch(StatusOf(new JsonObject { ["phase"] = "Ready", ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }) }).ToJsonString(), V1Patch.PatchType.ApplyPatch);
        var phaseOnly = new V1Patch(StatusOf(new JsonObject { ["phase"] = "Ready" }).ToJsonString(), V1Patch.PatchType.ApplyPatch);

        var first = ApiAssert.Node(await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(both, Group, Version, "default", Plural, "w", fieldManager: "kro.run/applyset", force: true));
        var second = ApiAssert.Node(await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(phaseOnly, Group, Version, "default", Plural, "w", fieldManager: "kro.run/applyset", force: true));

        Assert.That(first["status"]!["conditions"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(second["status"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "phase" }), "the conditions this manager no longer applies are removed");
        var entry = second["metadata"]!["managedFields"]!.AsArray().OfType<JsonObject>()
            .Single(m => m["manager"]!.GetValue<string>() == "kro.run/applyset");
        Assert.That(entry["operation"]!.GetValue<string>(), Is.EqualTo("Apply"));
        Assert.That(entry["subresource"]!.GetValue<string>(), Is.EqualTo("status"));
        Assert.That(entry["fieldsV1"]!.ToJsonString(), Does.Contain("f:phase").And.Not.Contain("f:conditions"));
        Assert.That(second["spec"]!["color"]!.GetValue<string>(), Is.EqualTo("red"), "an apply to /status leaves the spec alone");
    }

    [Test]
    public async Task ApplyPatch_WithoutFieldManager_422()
    {
        var apply = new V1Patch(Widget("w", new JsonObject { ["color"] = "red" }).ToJsonString(), V1Patch.PatchType.ApplyPatch);

        var (code, body, _) = await Server.SendAsync(HttpMethod.Patch, "/apis/example.com/v1/namespaces/default/widgets/w",
            apply.Content.ToString(), "application/apply-patch+yaml");

        Assert.That(code, Is.EqualTo(422));
        Assert.That(body!["message"]!.GetValue<string>(), Is.EqualTo(
            "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"));
    }

    [Test]
    public async Task DeleteCrd_RemovesKindAndItsObjects()
    {
        await CreateAsync(Widget("w", new JsonObject { ["color"] = "red" }));

        await Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.com");
        var (listCode, _, _) = await Server.SendAsync(HttpMethod.Get, "/apis/example.com/v1/namespaces/default/widgets");
        var (discoveryCode, _, _) = await Server.SendAsync(HttpMethod.Get, "/apis/example.com/v1");
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(TestManifests.WidgetCrd));
        var relisted = ApiAssert.Node(await Client.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, "default", Plural));

        Assert.That(listCode, Is.EqualTo(404));
        Assert.That(discoveryCode, Is.EqualTo(404));
        Assert.That(relisted["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task UpdateCrd_SchemaChange_TakesEffect()
    {
        var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");
        crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"].Properties["replicas"].Maximum = 100;

        await Client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name);
        var created = await CreateAsync(Widget("big", new JsonObject { ["color"] = "red", ["replicas"] = 50 }));

        Assert.That(created["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(50));
    }

    [Test]
    public async Task UpdateCrd_NewDefault_AppliedOnReadOfExistingObjects()
    {
        await CreateAsync(Widget("old", new JsonObject { ["color"] = "red" }));
        var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");
        crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"].Properties["mode"] = new V1JSONSchemaProps { Type = "string", DefaultProperty = "auto" };

        await Client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name);
        var read = await GetAsync("old");

        var (_, stored, _) = await Server.SendAsync(HttpMethod.Get, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");
        Assert.That(read["spec"]!["mode"]?.GetValue<string>(), Is.EqualTo("auto"), read.ToJsonString() + stored!["spec"]!["versions"]![0]!["schema"]!.ToJsonString());
    }

    [Test]
    public async Task Get_TableAccept_RendersPrinterColumns()
    {
        await CreateAsync(Widget("w", new JsonObject { ["color"] = "green", ["replicas"] = 2 }));

        var (code, table, _) = await Server.SendAsync(HttpMethod.Get, "/apis/example.com/v1/namespaces/default/widgets",
            accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        Assert.That(code, Is.EqualTo(200));
        Assert.That(table!["kind"]!.GetValue<string>(), Is.EqualTo("Table"));
        Assert.That(table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Name", "Color", "Replicas" }));
        Assert.That(table["rows"]![0]!["cells"]!.ToJsonString(), Is.EqualTo("[\"w\",\"green\",2]"));
        Assert.That(table["rows"]![0]!["object"]!["kind"]!.GetValue<string>(), Is.EqualTo("PartialObjectMetadata"));
    }
}
