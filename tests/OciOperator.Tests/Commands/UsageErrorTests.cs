using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

/// <summary>A command line that does not parse: one line on stderr, exit 2, for every subcommand, as the real process.</summary>
public sealed class UsageErrorTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "oci-operator.dll");

    private static IEnumerable<TestCaseData> BadCommandLines()
    {
        yield return Case(["sandbox", "--no-such-flag"], "'--no-such-flag'", "oci-operator sandbox --help");
        yield return Case(["sandbox", "--api-port", "99999"], "--api-port must be a port between 0 and 65535", "oci-operator sandbox --help");
        yield return Case(["sandbox", "--oci-port", "-1"], "--oci-port", "oci-operator sandbox --help");
        yield return Case(["sandbox", "--api-port", "eighty"], "'eighty'", "oci-operator sandbox --help");
        yield return Case(["sandbox", "--metrics-bind-address", "localhost"], "--metrics-bind-address must be ':port'", "oci-operator sandbox --help");
        yield return Case(["sandbox", "--health-probe-bind-address", ":70000"], "--health-probe-bind-address", "oci-operator sandbox --help");
        yield return Case(["sandbox", "--dbsystem-resync-period", "ten minutes"], "--dbsystem-resync-period must be a duration", "oci-operator sandbox --help");
        yield return Case(["sandbox", "--api-port"], "--api-port", "oci-operator sandbox --help");
        yield return Case(["run", "--unknown"], "'--unknown'", "oci-operator run --help");
        yield return Case(["run", "--cache-sync-timeout", "2x"], "--cache-sync-timeout must be a duration", "oci-operator run --help");
        yield return Case(["run", "--dbsystem-poll-interval", "-5s"], "--dbsystem-poll-interval", "oci-operator run --help");
        yield return Case(["run", "--metrics-bind-address", "127.0.0.1:http"], "--metrics-bind-address", "oci-operator run --help");
        yield return Case(["run", "--leader-elect-lease-duration"], "--leader-elect-lease-duration", "oci-operator run --help");
        yield return Case(["run", "--log-format", "xml"], "'xml'", "oci-operator run --help");
        yield return Case(["sandbox", "--log-level", "loud"], "'loud'", "oci-operator sandbox --help");
        yield return Case(["run", "--zap-log-level", "loud"], "--zap-log-level must be", "oci-operator run --help");
        yield return Case(["run", "--zap-log-level", "0"], "--zap-log-level must be", "oci-operator run --help");
        yield return Case(["run", "--zap-encoder", "xml"], "'xml'", "oci-operator run --help");
        yield return Case(["sandbox", "--zap-stacktrace-level", "warn"], "'warn'", "oci-operator sandbox --help");
        yield return Case(["run", "--zap-time-encoding", "epoch"], "not supported", "oci-operator run --help");
        yield return Case(["run", "--zap-time-encoding", "unix"], "--zap-time-encoding must be", "oci-operator run --help");
        yield return Case(["run", "--log-level", "info", "--zap-log-level", "debug"], "give one of them", "oci-operator run --help");
        yield return Case(["cel", "eval"], "eval", "oci-operator cel eval --help");
        yield return Case(["cel", "eval", "1", "--bogus"], "'--bogus'", "oci-operator cel eval --help");
        yield return Case(["oci", "check"], "--compartment", "oci-operator oci check --help");
        yield return Case(["oci", "check", "--compartment", "ocid1.compartment.oc1..x", "--endpoint", "not a url"], "absolute http(s) URL", "oci-operator oci check --help");
        yield return Case(["rgd", "validate", "--bogus"], "'--bogus'", "oci-operator rgd validate --help");
        yield return Case(["rgd", "render", "x.yaml"], "--instance", "oci-operator rgd render --help");
        yield return Case(["rgd", "render", "x.yaml", "--instance", "i.yaml", "-o", "xml"], "'xml'", "oci-operator rgd render --help");
        yield return Case(["no-such-command"], "'no-such-command'", "oci-operator --help");
    }

    [TestCaseSource(nameof(BadCommandLines))]
    public async Task Main_BadCommandLine_PrintsOneLineAndExitsTwo(string[] args, string names, string hint)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Dll, .. args], TimeSpan.FromSeconds(60));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.StandardError);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.StandardError);
        Assert.That(lines[0], Does.StartWith("error: ").And.Contain(names).And.Contain(hint));
        Assert.That(result.StandardOutput, Is.Empty, "no help text");
    }

    [TestCase("10m")]
    [TestCase("1h30m")]
    [TestCase("00:10:00")]
    public async Task Run_DbSystemResyncPeriodInGoForm_IsAccepted(string period)
    {
        // Parsing succeeds, so the command runs and fails only later, for the kubeconfig it cannot read (exit 1).
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Dll, "run", "--kubeconfig", Path.Combine(Path.GetTempPath(), "absent-" + Guid.NewGuid().ToString("N")), "--dbsystem-resync-period", period, "--metrics-bind-address", "0", "--health-probe-bind-address", "0"],
            TimeSpan.FromSeconds(60));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardError);
        Assert.That(result.StandardError, Does.Contain("--kubeconfig").And.Not.Contain("--dbsystem-resync-period"));
    }

    private static TestCaseData Case(string[] args, string names, string hint) =>
        new TestCaseData(args, names, hint).SetArgDisplayNames(string.Join(' ', args));
}
