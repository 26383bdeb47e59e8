using System.Security.Cryptography;
using k8s;
using k8s.Models;
using OciOperator.Mysql.Api;
using OciOperator.ResourceGraph.Api.RgdCrdTypes;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Oci;
using OciOperator.Schemas.Crd;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

/// <summary><c>oci-operator run</c> as a process against a Sandbox API server, through a kubeconfig.</summary>
[NonParallelizable]
public sealed class RunCommandTests
{
    private string _workDir = "";

    [SetUp]
    public void SetUp()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "oci-operator-run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_workDir, recursive: true);

    [Test]
    public async Task Run_WithKubeconfig_ServesProbesAndLeaderLeaseAndExitsZeroOnSigterm()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        var kubeconfig = Path.Combine(_workDir, "kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig);
        using (var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() }))
        {
            // The manager runs (and says so) once its caches synced: the DbSystem and RGD kinds (both controllers run by default) must be served.
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(CustomResourceDefinitionGenerator.Generate(typeof(DbSystem)));
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(CustomResourceDefinitionGenerator.Generate(typeof(ResourceGraphDefinitionResource)));
        }

        var probes = FreePort.Next();

        await using var run = OperatorProcess.Start(
            ["run", "--kubeconfig", kubeconfig, "--health-probe-bind-address", $"127.0.0.1:{probes}", "--metrics-bind-address", "0", "--leader-elect"],
            _workDir);
        await run.WaitForLineAsync(l => l.Contains("Operator running", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        using var http = new HttpClient();
        using var healthz = await http.GetAsync(new Uri($"http://127.0.0.1:{probes}/healthz"));
        Assert.That(healthz.IsSuccessStatusCode, Is.True);
        Assert.That(await WaitAsync(async () => (await http.GetStringAsync(new Uri(server.BaseAddress, "apis/coordination.k8s.io/v1/namespaces/default/leases"))).Contains("oci-operator-leader", StringComparison.Ordinal)),
            Is.True, "the leader-election Lease is taken");

        Assert.That(await run.SignalAndWaitAsync(15, TimeSpan.FromSeconds(40)), Is.EqualTo(0), run.Output);
    }

    [Test]
    public async Task Run_OsokUserPrincipalEnvironment_ReconcilesADbSystemAgainstTheClusterAndOci()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        await using var oci = await OciEmulator.StartAsync(new OciEmulatorOptions { CreateDelay = TimeSpan.FromMilliseconds(300) });
        using var key = RSA.Create(2048);
        const string user = "ocid1.user.oc1..aaaarunuser";
        const string fingerprint = "aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99";
        oci.RegisterApiKey(oci.TenancyId, user, fingerprint, key);
        var kubeconfig = Path.Combine(_workDir, "kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig);
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(CustomResourceDefinitionGenerator.Generate(typeof(DbSystem)));
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(CustomResourceDefinitionGenerator.Generate(typeof(ResourceGraphDefinitionResource)));
        await client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "admin-secret" }, StringData = new Dictionary<string, string> { ["username"] = "admin", ["password"] = "Run-Passw0rd!" } },
            "default");

        // The environment the manager Deployment fills from OSOK's ocicredentials Secret (config/manager).
        var environment = new Dictionary<string, string>
        {
            ["USEINSTANCEPRINCIPAL"] = "false",
            ["USER"] = user,
            ["TENANCY"] = oci.TenancyId,
            ["REGION"] = oci.Region,
            ["FINGERPRINT"] = fingerprint,
            ["PRIVATEKEY"] = key.ExportPkcs8PrivateKeyPem(),
        };
        await using var run = OperatorProcess.Start(
            ["run", "--kubeconfig", kubeconfig, "--oci-mysql-endpoint", oci.MySqlEndpoint.ToString(), "--metrics-bind-address", "0", "--health-probe-bind-address", "0"],
            _workDir,
            environment);
        await run.WaitForLineAsync(l => l.Contains("Operator running", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Shared, "fixtures", "seed", "dbsystem_sample.yaml"));
        var dbSystem = KubernetesYaml.Deserialize<DbSystem>(sample);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(dbSystem, DbSystem.KubeGroup, DbSystem.KubeApiVersion, "default", DbSystem.KubePluralName);

        Assert.That(await WaitAsync(async () =>
            (await client.CustomObjects.GetNamespacedCustomObjectAsync<DbSystem>(DbSystem.KubeGroup, DbSystem.KubeApiVersion, "default", DbSystem.KubePluralName, "mysql-dbsystem-sample")).Status?.LifecycleState == "ACTIVE"),
            Is.True, run.Output);
        Assert.That(oci.Calls.All.Where(c => c.Operation == "CreateDbSystem").Select(c => c.Status), Is.EqualTo(new[] { 200 }), "created once, signed with the user's API key");
        Assert.That(run.Output, Does.Not.Contain("PRIVATE KEY").And.Not.Contain("Run-Passw0rd!"));
        Assert.That(await run.SignalAndWaitAsync(15, TimeSpan.FromSeconds(40)), Is.EqualTo(0), run.Output);
    }

    [Test]
    public async Task Run_MissingKubeconfig_ExplainsAndExitsOne()
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "oci-operator.dll"), "run", "--kubeconfig", Path.Combine(_workDir, "absent"), "--metrics-bind-address", "0", "--health-probe-bind-address", "0"],
            TimeSpan.FromSeconds(60),
            _workDir);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.StandardError, Does.Contain("--kubeconfig"));
    }

    [TestCase("--controllers", "dbsystem,bogus", "Unknown controller 'bogus'")]
    [TestCase("--oci-auth-mode", "telepathy", "Unknown auth type 'telepathy'")]
    public async Task Run_BadOperatorFlag_ExplainsAndExitsNonZero(string flag, string value, string expected)
    {
        var kubeconfig = Path.Combine(_workDir, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:1\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: t\n");
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "oci-operator.dll"), "run", "--kubeconfig", kubeconfig, flag, value, "--metrics-bind-address", "0", "--health-probe-bind-address", "0"],
            TimeSpan.FromSeconds(60),
            _workDir);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError + result.StandardOutput, Does.Contain(expected));
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!deadline.IsCancellationRequested)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return false;
    }
}
