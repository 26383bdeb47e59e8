using System.Text.Json;
using OciOperator.Sandbox.Kube;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

/// <summary><c>--log-format</c> and <c>--log-level</c>: JSON lines by default in <c>run</c>, console text on request.</summary>
public sealed class LogFormatTests
{
    private string _workDir = "";

    [SetUp]
    public void SetUp()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "oci-operator-logs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_workDir, recursive: true);

    [TestCase(new string[0], true, TestName = "Run_DefaultLogFormat_WritesJsonLines")]
    [TestCase(new[] { "--log-format", "console" }, false, TestName = "Run_LogFormatConsole_WritesText")]
    [TestCase(new[] { "--zap-encoder", "console" }, false, TestName = "Run_ZapEncoderConsole_WritesText")]
    [TestCase(new[] { "--zap-devel" }, false, TestName = "Run_ZapDevel_WritesText")]
    [TestCase(new[] { "--zap-devel", "--zap-encoder", "json" }, true, TestName = "Run_ZapDevelWithJsonEncoder_WritesJsonLines")]
    public async Task Run_LogFormat_ShapesLogLines(string[] extra, bool json)
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        var kubeconfig = Path.Combine(_workDir, "kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig);
        await using var run = OperatorProcess.Start(
            ["run", "--kubeconfig", kubeconfig, "--controllers", ",", "--log-level", "info", "--metrics-bind-address", "0", "--health-probe-bind-address", "0", .. extra],
            _workDir);

        var line = await run.WaitForLineAsync(l => l.Contains("OciOperator.", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        if (json)
        {
            using var document = JsonDocument.Parse(line);
            Assert.That(document.RootElement.GetProperty("LogLevel").GetString(), Is.EqualTo("Information"), line);
        }
        else
        {
            Assert.That(line, Does.StartWith("info: "), line);
        }

        Assert.That(await run.SignalAndWaitAsync(15, TimeSpan.FromSeconds(30)), Is.EqualTo(0), run.Output);
    }

    [TestCase("--zap-log-level", "1", "Debug")]
    [TestCase("--zap-log-level", "debug", "Debug")]
    [TestCase("--zap-log-level", "info", "Information")]
    public async Task Run_ZapLogLevel_SetsLevelAndTimeEncoding(string flag, string value, string expectedLevel)
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        var kubeconfig = Path.Combine(_workDir, "kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig);
        await using var run = OperatorProcess.Start(
            ["run", "--kubeconfig", kubeconfig, "--controllers", ",", flag, value, "--zap-time-encoding", "rfc3339", "--metrics-bind-address", "0", "--health-probe-bind-address", "0"],
            _workDir);

        var line = await run.WaitForLineAsync(l => l.Contains("\"LogLevel\":\"" + expectedLevel + "\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        using var document = JsonDocument.Parse(line);
        var timestamp = document.RootElement.GetProperty("Timestamp").GetString();
        Assert.That(timestamp, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$"), line);
        if (expectedLevel == "Information")
        {
            Assert.That(run.Output, Does.Not.Contain("\"LogLevel\":\"Debug\""));
        }

        Assert.That(await run.SignalAndWaitAsync(15, TimeSpan.FromSeconds(30)), Is.EqualTo(0), run.Output);
    }
}
