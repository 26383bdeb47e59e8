using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

/// <summary>The Sandbox's ports and kubeconfig when something else already uses them, as the real process.</summary>
[NonParallelizable]
public sealed partial class SandboxPortsTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "oci-operator.dll");
    private string _workDir = "";

    [SetUp]
    public void SetUp()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "oci-operator-sandbox-ports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_workDir, recursive: true);

    [Test]
    public async Task Sandbox_DefaultMetricsPortBusy_PicksFreeLoopbackPortAndPrintsIt()
    {
        using var squatter = Occupy(8080);
        await using var sandbox = OperatorProcess.Start(["sandbox", "--health-probe-bind-address", "0"], _workDir);

        var note = await sandbox.WaitForLineAsync(l => l.Contains("--metrics-bind-address", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var moved = MovedTo().Match(note);
        Assert.That(moved.Success, Is.True, note);
        var running = await sandbox.WaitForLineAsync(l => l.Contains("Operator running", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.That(running, Does.Contain($"metrics http://127.0.0.1:{moved.Groups[1].Value}/"));
        using var http = new HttpClient();
        var scrape = await http.GetStringAsync(new Uri($"http://127.0.0.1:{moved.Groups[1].Value}/metrics"));
        Assert.That(scrape, Does.Contain("# TYPE").Or.Contain("# EOF"));
        Assert.That(await sandbox.SignalAndWaitAsync(15, TimeSpan.FromSeconds(30)), Is.EqualTo(0), sandbox.Output);
    }

    [TestCase("--metrics-bind-address", "127.0.0.1:{0}")]
    [TestCase("--health-probe-bind-address", ":{0}")]
    [TestCase("--api-port", "{0}")]
    [TestCase("--oci-port", "{0}")]
    public async Task Sandbox_ExplicitPortBusy_OneLineAndExitsTwo(string flag, string format)
    {
        using var squatter = Occupy(0);
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var result = await ProcessRunner.RunAsync(
            "dotnet", [Dll, "sandbox", flag, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, port)], TimeSpan.FromSeconds(60), _workDir);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.StandardError);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.StandardError);
        Assert.That(lines[0], Does.StartWith("error: " + flag).And.Contain("in use"));
        Assert.That(File.Exists(Path.Combine(_workDir, "sandbox.kubeconfig")), Is.False, "nothing started");
    }

    [Test]
    public async Task Sandbox_SecondWhileFirstRuns_RefusesAndLeavesTheKubeconfig()
    {
        await using var first = OperatorProcess.Start(["sandbox", "--metrics-bind-address", "0", "--health-probe-bind-address", "0"], _workDir);
        await first.WaitForLineAsync(l => l.Contains("Press Ctrl-C", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var kubeconfig = Path.Combine(_workDir, "sandbox.kubeconfig");
        var before = await File.ReadAllTextAsync(kubeconfig);

        var second = await ProcessRunner.RunAsync(
            "dotnet", [Dll, "sandbox", "--metrics-bind-address", "0", "--health-probe-bind-address", "0"], TimeSpan.FromSeconds(60), _workDir);

        Assert.That(second.ExitCode, Is.EqualTo(1), second.StandardError);
        Assert.That(second.StandardError, Does.Contain("another Sandbox is running").And.Contain("--kubeconfig"));
        Assert.That(await File.ReadAllTextAsync(kubeconfig), Is.EqualTo(before), "the first Sandbox's kubeconfig is untouched");
        Assert.That(await first.SignalAndWaitAsync(15, TimeSpan.FromSeconds(30)), Is.EqualTo(0), first.Output);
        Assert.That(File.Exists(kubeconfig + ".lock"), Is.False, "the lock goes with the Sandbox");
    }

    /// <summary>Holds a loopback port; when it is already taken by someone else it is busy all the same.</summary>
    private static TcpListener Occupy(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
        }
        catch (SocketException) when (port != 0)
        {
            // Already in use by another process: just as busy.
        }

        return listener;
    }

    [GeneratedRegex(@"using 127\.0\.0\.1:(\d+) instead")]
    private static partial Regex MovedTo();
}
