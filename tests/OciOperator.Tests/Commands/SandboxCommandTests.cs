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
        await using var sandbox = OperatorProcess.Start(["sandbox", "--api-port", "0"], _workDir);

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

        var exitCode = await sandbox.SignalAndWaitAsync(signal, TimeSpan.FromSeconds(30));
        Assert.That(exitCode, Is.EqualTo(0), sandbox.Output);
    }

    [Test]
    public async Task Sandbox_CustomKubeconfigPath_IsWritten()
    {
        var kubeconfig = Path.Combine(_workDir, "custom", "kc.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
        await using var sandbox = OperatorProcess.Start(["sandbox", "--kubeconfig", kubeconfig], _workDir);

        await sandbox.WaitForLineAsync(l => l.Contains("ready", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(60));

        Assert.That(File.ReadAllText(kubeconfig), Does.Match(@"server: ""?http://127\.0\.0\.1:\d+"));
        Assert.That(await sandbox.SignalAndWaitAsync(2, TimeSpan.FromSeconds(30)), Is.EqualTo(0));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex UrlPattern();
}
