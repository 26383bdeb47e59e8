using System.Text.RegularExpressions;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

[NonParallelizable]
public sealed partial class SandboxCommandTests
{
    private string _workDir = "";

    [SetUp]
    public void SetUp()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "oci-operator-sandbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_workDir, recursive: true);

    [TestCase(2, TestName = "Sandbox_KubectlGetNamespaces_ThenSigint_ExitsZero")]
    [TestCase(15, TestName = "Sandbox_KubectlGetNamespaces_ThenSigterm_ExitsZero")]
    public async Task Sandbox_ServesKubectl_AndExitsCleanlyOnSignal(int signal)
    {
        var (probes, metrics) = (FreePort.Next(), FreePort.Next());
        await using var sandbox = OperatorProcess.Start(
            ["sandbox", "--api-port", "0", "--health-probe-bind-address", $"127.0.0.1:{probes}", "--metrics-bind-address", $"127.0.0.1:{metrics}"],
            _workDir);

        var ready = await sandbox.WaitForLineAsync(l => l.Contains("ready", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(60));
        Assert.That(UrlPattern().IsMatch(ready), Is.True, $"the ready line names the server URL: {ready}");

        var kubeconfig = Path.Combine(_workDir, "sandbox.kubeconfig");
        Assert.That(File.Exists(kubeconfig), Is.True, "the kubeconfig is written to ./sandbox.kubeconfig by default");

        var get = await ProcessRunner.RunAsync(
            "kubectl",
            ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(_workDir, "kube-cache"), "get", "namespaces", "-o", "name"],
            TimeSpan.FromSeconds(60));
        Assert.That(get.ExitCode, Is.EqualTo(0), get.StandardError);
        Assert.That(get.StandardOutput, Does.Contain("namespace/default"));

        await sandbox.WaitForLineAsync(l => l.Contains("Operator running", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        using var http = new HttpClient();
        Assert.That((await http.GetAsync(new Uri($"http://127.0.0.1:{probes}/healthz"))).IsSuccessStatusCode, Is.True, "healthz");
        Assert.That(await PollAsync(() => http.GetAsync(new Uri($"http://127.0.0.1:{probes}/readyz"))), Is.True, "readyz");
        var scrape = await http.GetStringAsync(new Uri($"http://127.0.0.1:{metrics}/metrics"));
        Assert.That(scrape, Does.Contain("# TYPE").Or.Contain("# EOF"), "a Prometheus exposition");

        var exitCode = await sandbox.SignalAndWaitAsync(signal, TimeSpan.FromSeconds(30));
        Assert.That(exitCode, Is.EqualTo(0), sandbox.Output);
    }

    [Test]
    public async Task Sandbox_CustomKubeconfigPath_IsWritten()
    {
        var kubeconfig = Path.Combine(_workDir, "custom", "kc.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
        await using var sandbox = OperatorProcess.Start(
            ["sandbox", "--kubeconfig", kubeconfig, "--metrics-bind-address", "0", "--health-probe-bind-address", "0"], _workDir);

        await sandbox.WaitForLineAsync(l => l.Contains("ready", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(60));

        Assert.That(File.ReadAllText(kubeconfig), Does.Match(@"server: ""?http://127\.0\.0\.1:\d+"));
        Assert.That(await sandbox.SignalAndWaitAsync(2, TimeSpan.FromSeconds(30)), Is.EqualTo(0));
    }

    [Test]
    public async Task Sandbox_SeedDbSystemAppliedWithKubectl_BecomesActiveAgainstTheEmulator()
    {
        await using var sandbox = OperatorProcess.Start(["sandbox", "--metrics-bind-address", "0", "--health-probe-bind-address", "0"], _workDir);
        await sandbox.WaitForLineAsync(l => l.Contains("Operator running", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var kubeconfig = Path.Combine(_workDir, "sandbox.kubeconfig");
        var secret = Path.Combine(_workDir, "admin-secret.yaml");
        await File.WriteAllTextAsync(secret, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: admin-secret\nstringData:\n  username: admin\n  password: Sandbox-Passw0rd!\n");
        var sample = Path.Combine(RepositoryPaths.Shared, "fixtures", "seed", "dbsystem_sample.yaml");

        var apply = await Kubectl(kubeconfig, "apply", "-f", secret, "-f", sample);
        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.StandardError);
        var wait = await Kubectl(kubeconfig, "wait", "dbsystem/mysql-dbsystem-sample", "--for=jsonpath={.status.lifecycleState}=ACTIVE", "--timeout=60s");
        Assert.That(wait.ExitCode, Is.EqualTo(0), wait.StandardError + sandbox.Output);
        var ip = await Kubectl(kubeconfig, "get", "secret", "mysql-dbsystem-sample", "-o", "jsonpath={.data.PrivateIPAddress}");
        Assert.That(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(ip.StandardOutput)), Does.Match(@"^\d+\.\d+\.\d+\.\d+$"));

        Assert.That(await sandbox.SignalAndWaitAsync(2, TimeSpan.FromSeconds(30)), Is.EqualTo(0));
    }

    private Task<ProcessResult> Kubectl(string kubeconfig, params string[] args) =>
        ProcessRunner.RunAsync("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(_workDir, "kube-cache"), .. args], TimeSpan.FromSeconds(90));

    private static async Task<bool> PollAsync(Func<Task<HttpResponseMessage>> request)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!deadline.IsCancellationRequested)
        {
            using var response = await request();
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return false;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex UrlPattern();
}
