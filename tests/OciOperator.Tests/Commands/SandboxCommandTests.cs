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
