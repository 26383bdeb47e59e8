using System.Diagnostics;
using System.Text.Json.Nodes;
using k8s;
using OciOperator.Hosting;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Simulators;
using OciOperator.Sandbox.Oci;

namespace OciOperator.Tests.Walkthrough;

/// <summary>
/// The published OSOK + kro walkthrough, verbatim with the real kubectl (issue 15's acceptance): the Sandbox, the OCI
/// emulator and the workload simulators in-process with delays near zero, and the operator host as <c>sandbox</c>
/// builds it (default controllers: dbsystem and rgd).
/// </summary>
[NonParallelizable]
public sealed class WalkthroughTests
{
    private const string Kind = "OsokKroDemoApp";
    private static readonly ResourceType Secrets = new(string.Empty, "v1", "Secret", "secrets");
    private static readonly ResourceType DbSystems = new("mysql.oracle.com", "v1beta1", "DbSystem", "dbsystems");
    private static readonly ResourceType Jobs = new("batch", "v1", "Job", "jobs");
    private static readonly ResourceType Deployments = new("apps", "v1", "Deployment", "deployments");
    private static readonly ResourceType Services = new(string.Empty, "v1", "Service", "services");

    [Test]
    public async Task Walkthrough_SeedRgdAndInstance_ReachesWordpressIpInOrderAndDeletesInReverse()
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl (.ci/run installs it).");
        }

        var fast = TimeSpan.FromMilliseconds(50);
        await using var kube = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        await using var oci = await OciEmulator.StartAsync(new OciEmulatorOptions { CreateDelay = fast, UpdateDelay = fast, DeleteDelay = fast, PrepareIdentity = true });
        await using var simulators = WorkloadSimulators.Start(kube.BaseAddress, new SimulatorOptions { JobDuration = fast, DeploymentRolloutDelay = fast, LoadBalancerDelay = fast });
        var kubernetes = new KubernetesClientConfiguration { Host = kube.BaseAddress.ToString() };
        using var client = new Kubernetes(kubernetes);
        await CrdInstaller.InstallAsync(client, CancellationToken.None);
        var settings = new OperatorSettings
        {
            MetricsBindAddress = "0",
            HealthProbeBindAddress = "0",
            OciAuthMode = "instance_principal",
            OciMysqlEndpoint = oci.MySqlEndpoint,
            OciMetadataBaseUrl = oci.InstanceMetadataEndpoint,
            OciFederationEndpoint = oci.FederationEndpoint,
            DbSystemPollInterval = TimeSpan.FromMilliseconds(100),
        };
        using var errors = new StringWriter();
        using var host = await OperatorRun.StartAsync(settings, kubernetes, verbose: false, errors, CancellationToken.None);
        Assert.That(host, Is.Not.Null, errors.ToString());
        using var kubectl = new KubectlRunner(kube.BuildKubeconfig());
        var api = new KubeApiClient(client);
        try
        {
            var rgd = await kubectl.RunAsync("apply", "-f", RepositoryPaths.SeedFixture("osok_kro_demo_rgd.yaml"));
            Assert.That(rgd.ExitCode, Is.Zero, rgd.ToString());
            var table = await Eventually.UntilAsync(() => kubectl.RunAsync("get", "rgd", "osok-kro-demo"), r => r.Stdout.Contains("Active", StringComparison.Ordinal), "the RGD to be Active");
            Assert.That(table.Stdout, Does.Match(@"osok-kro-demo\s+v1alpha1\s+OsokKroDemoApp\s+Active\s+True"), table.ToString());
            var ns = await kubectl.RunAsync("create", "namespace", "demo");
            Assert.That(ns.ExitCode, Is.Zero, ns.ToString());
            await using var events = await EventLog.StartAsync(api, "demo", Secrets, DbSystems, Jobs, Deployments, Services);

            var clock = Stopwatch.StartNew();
            var instance = await kubectl.RunAsync("apply", "-f", RepositoryPaths.SeedFixture("osok_kro_demo.yaml"));
            Assert.That(instance.ExitCode, Is.Zero, instance.ToString());
            var ip = await Eventually.UntilAsync(
                () => kubectl.RunAsync("get", Kind, "osok-kro-demo", "-n", "demo", "-o", "jsonpath={.status.wordpressSvcIP}"),
                r => r.ExitCode == 0 && r.Stdout.Length > 0,
                "status.wordpressSvcIP",
                TimeSpan.FromSeconds(60));
            var elapsed = clock.Elapsed;
            TestContext.Out.WriteLine($"instance apply → wordpressSvcIP: {elapsed.TotalMilliseconds:F0} ms");
            Assert.That(ip.Stdout, Does.Match(@"^\d+\.\d+\.\d+\.\d+$"));
            var state = await Eventually.UntilAsync(() => kubectl.RunAsync("get", Kind, "osok-kro-demo", "-n", "demo", "-o", "jsonpath={.status.state}"), r => r.Stdout == "ACTIVE", "the instance to be ACTIVE");
            Assert.That(state.Stdout, Is.EqualTo("ACTIVE"));

            string[] order = [
                EventLog.Key("Secret", "osok-kro-demo-mysql-admin"), EventLog.Key("DbSystem", "osok-kro-demo-db"), EventLog.Key("Job", "osok-kro-demo-init-wordpress-db"),
                EventLog.Key("Deployment", "osok-kro-demo-wordpress-app"), EventLog.Key("Service", "osok-kro-demo-wordpress-svc")];
            await Eventually.WaitAsync(() => order.All(events.Added.ContainsKey), "every ADDED event");
            Assert.That(order.Select(k => events.Added[k]), Is.Ordered.Ascending, "created strictly in dependency order: " + string.Join(", ", order.Select(k => $"{k}@{events.Added[k]}")));

            var deployment = (await api.GetAsync<UnstructuredObject>(Deployments, "demo", "osok-kro-demo-wordpress-app", CancellationToken.None))!.ToJsonObject();
            var host1 = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray().First(e => e!["name"]!.GetValue<string>() == "WORDPRESS_DB_HOST")!;
            Assert.That(host1["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>(), Is.EqualTo("osok-kro-demo-db"));
            Assert.That(host1["valueFrom"]!["secretKeyRef"]!["key"]!.GetValue<string>(), Is.EqualTo("PrivateIPAddress"));
            var endpoint = (await api.GetAsync<UnstructuredObject>(Secrets, "demo", "osok-kro-demo-db", CancellationToken.None))!.ToJsonObject();
            Assert.That(endpoint["data"]!["PrivateIPAddress"], Is.Not.Null, "the DbSystem's endpoint Secret holds the key the Deployment reads");
            Assert.That(oci.DbSystems.Single().LifecycleState, Is.EqualTo("ACTIVE"));

            var deleted = await kubectl.RunAsync(TimeSpan.FromSeconds(90), "delete", Kind, "osok-kro-demo", "-n", "demo", "--timeout=60s");
            Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
            await Eventually.WaitAsync(() => order.All(events.Deleted.ContainsKey), "every DELETED event", TimeSpan.FromSeconds(30));
            Assert.That(order.Reverse().Select(k => events.Deleted[k]), Is.Ordered.Ascending, "deleted in reverse order: " + string.Join(", ", order.Select(k => $"{k}@{events.Deleted[k]}")));
            Assert.That(oci.DbSystems.Single().LifecycleState, Is.EqualTo("DELETED"), "the DB system is deleted in the emulator");

            var rgdDeleted = await kubectl.RunAsync("delete", "rgd", "osok-kro-demo", "--timeout=30s");
            Assert.That(rgdDeleted.ExitCode, Is.Zero, rgdDeleted.ToString());
            var crd = await kubectl.RunAsync("get", "crd", "osokkrodemoapps.kro.run", "-o", "name");
            Assert.That(crd.ExitCode, Is.Zero, "the CRD stays with default flags: " + crd);
        }
        finally
        {
            await OperatorRun.StopAsync(host!);
        }
    }
}
