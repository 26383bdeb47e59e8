using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Runtime.Reconciliation;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// The seed walkthrough graph (WordPress on a DbSystem) served by a running controller with the workload simulators;
/// the DbSystem's lifecycle is set by hand (the DbSystem controller and the OCI emulator are not part of this
/// assembly's tests). Measures the API calls and writes the engine spends on one instance, for the first convergence
/// and for a steady-state reconcile (which reads from the informer caches and writes nothing: no API call at all), and
/// prints them.
/// </summary>
public sealed class SeedWalkthroughCostTests
{
    private static readonly ResourceType DbSystems = new("mysql.oracle.com", "v1beta1", "DbSystem", "dbsystems");

    [Test]
    public async Task Controller_SeedWalkthrough_JobWaitsForTheDbSystemAndSteadyStateCostsNoApiCall()
    {
        await using var h = await InstanceHarness.StartAsync(simulators: true);
        await h.InstallDbSystemCrdAsync();
        var served = await h.ServeAsync(File.ReadAllText(RepositoryPaths.InShared("fixtures/seed/osok_kro_demo_rgd.yaml")));
        await h.CreateAsync(new ResourceType(string.Empty, "v1", "Namespace", "namespaces", Namespaced: false), "{apiVersion: v1, kind: Namespace, metadata: {name: demo}}");
        var start = h.Requests.Snapshot();
        var sandboxStart = h.SandboxRequests.Snapshot();
        await h.CreateAsync(served.Type, File.ReadAllText(RepositoryPaths.InShared("fixtures/seed/osok_kro_demo.yaml")));

        await h.WaitAsync(DbSystems, "demo", "osok-kro-demo-db", d => d is not null, "the DbSystem");
        Assert.That(await h.GetAsync(new ResourceType("batch", "v1", "Job", "jobs"), "demo", "osok-kro-demo-init-wordpress-db"), Is.Null, "the Job waits for the DbSystem to be ACTIVE");
        await h.PatchAsync(DbSystems, "demo", "osok-kro-demo-db", "{status: {lifecycleState: ACTIVE, status: {conditions: []}}}", status: true);

        var active = await h.WaitAsync(served.Type, "demo", "osok-kro-demo", i => State(i) == "ACTIVE", "the walkthrough instance ACTIVE", TimeSpan.FromSeconds(20));
        Assert.That(active!["status"]!["wordpressSvcIP"]!.GetValue<string>(), Does.StartWith("203.0.113."));
        await Eventually.WaitAsync(async () => RequestCounter.Writes(h.Requests.Since(start)) > 0 && (await h.EventsAsync("demo", "osok-kro-demo")).Count > 0, "the last writes");
        var first = h.Requests.Since(start);
        var firstAtSandbox = h.SandboxRequests.Since(sandboxStart);

        var reconciles = h.Metrics.Sum("instance_reconcile_total");
        var before = h.Requests.Snapshot();
        var sandboxBefore = h.SandboxRequests.Snapshot();
        await h.PatchAsync(served.Type, "demo", "osok-kro-demo", "{metadata: {annotations: {touched: 'yes'}}}");
        await Eventually.WaitAsync(() => h.Metrics.Sum("instance_reconcile_total") > reconciles, "a steady-state reconcile");
        var steady = h.Requests.Since(before);
        var atSandbox = h.SandboxRequests.Since(sandboxBefore);

        await TestContext.Out.WriteLineAsync($"first convergence: {RequestCounter.Calls(first)} calls, {RequestCounter.Writes(first)} writes ({RequestCounter.Format(first)})");
        await TestContext.Out.WriteLineAsync($"steady-state reconcile: {RequestCounter.Calls(steady)} calls, {RequestCounter.Writes(steady)} writes ({RequestCounter.Format(steady)})");
        await TestContext.Out.WriteLineAsync($"at the Sandbox: first convergence {SandboxRequestLog.Calls(firstAtSandbox)} calls, {SandboxRequestLog.Writes(firstAtSandbox)} writes ({RequestCounter.Format(firstAtSandbox)}); steady state {SandboxRequestLog.Calls(atSandbox)} calls");
        Assert.That(RequestCounter.Calls(steady), Is.Zero, "a steady-state reconcile reads from the caches and writes nothing: " + RequestCounter.Format(steady));
        Assert.That(SandboxRequestLog.Calls(atSandbox), Is.Zero, "the Sandbox saw no request of the engine: " + RequestCounter.Format(atSandbox));
        Assert.That(SandboxRequestLog.Writes(firstAtSandbox), Is.GreaterThan(0), "the Sandbox's count sees the engine's writes: " + RequestCounter.Format(firstAtSandbox));
        Assert.That(first.GetValueOrDefault("PATCH dbsystems"), Is.EqualTo(1), "each child is applied once: " + RequestCounter.Format(first));
    }

    [Test]
    public async Task Controller_CollectionGraphWithExternalRefs_SteadyStateCostsNoApiCall()
    {
        var rgd = ScenarioRgd.Of("fleet", "Fleet", "names: '[]string'",
            """
            - id: shared
              externalRef:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: shared}
            - id: peers
              externalRef:
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  namespace: default
                  selector:
                    matchLabels: {role: peer}
            """ + "\n" + ScenarioRgd.Widget("members", "${schema.metadata.name + '-' + n}", spec: "name: ${shared.data.value + '-' + n}", extra: "forEach:\n  - n: '${schema.spec.names}'")
            + "\n" + ScenarioRgd.Widget("summary", "${schema.metadata.name}-summary", spec: "tags: ${peers.map(p, p.metadata.name)}\nreplicas: ${size(members)}"),
            status: "members: ${members.map(m, m.metadata.name)}");
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(ConfigMaps, "{apiVersion: v1, kind: ConfigMap, metadata: {name: shared, namespace: default}, data: {value: v}}");
        await h.CreateAsync(ConfigMaps, "{apiVersion: v1, kind: ConfigMap, metadata: {name: peer-1, namespace: default, labels: {role: peer}}}");
        await h.CreateAsync(served.Type, ScenarioRgd.Instance("Fleet", "fleet", "{names: [a, b, c]}"));
        var active = await h.WaitAsync(served.Type, "default", "fleet", i => State(i) == "ACTIVE", "ACTIVE");
        Assert.That(active!["status"]!["members"]!.AsArray().Count, Is.EqualTo(3));
        await Eventually.WaitAsync(() => h.Metrics.Sum("instance_reconcile_total") >= 2, "the reconcile our own writes caused");

        var reconciles = h.Metrics.Sum("instance_reconcile_total");
        var before = h.Requests.Snapshot();
        var sandboxBefore = h.SandboxRequests.Snapshot();
        await h.PatchAsync(served.Type, "default", "fleet", "{metadata: {annotations: {touched: 'yes'}}}");
        await Eventually.WaitAsync(() => h.Metrics.Sum("instance_reconcile_total") > reconciles, "a steady-state reconcile");
        var steady = h.Requests.Since(before);
        var atSandbox = h.SandboxRequests.Since(sandboxBefore);

        await TestContext.Out.WriteLineAsync($"collection graph steady-state reconcile: {RequestCounter.Calls(steady)} calls ({RequestCounter.Format(steady)})");
        Assert.That(RequestCounter.Calls(steady), Is.Zero, "collection items, external objects (by name and by selector) and the instance come from the caches: " + RequestCounter.Format(steady));
        Assert.That(SandboxRequestLog.Calls(atSandbox), Is.Zero, "the Sandbox saw no request of the engine: " + RequestCounter.Format(atSandbox));
    }
}
