using System.Text.RegularExpressions;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Demo;

/// <summary>
/// <c>oci-operator sandbox --demo</c> as a user runs it: the built executable as a process, its output read line by
/// line, the kubectl commands it prints run as printed, and Ctrl-C (SIGINT) or SIGTERM to end it.
/// </summary>
[NonParallelizable]
public sealed partial class SandboxDemoTests
{
    private static readonly TimeSpan ToAddress = TimeSpan.FromSeconds(120);
    private string _workDir = "";

    [SetUp]
    public void SetUp()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "oci-operator-demo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_workDir, recursive: true);

    [Test]
    public async Task SandboxDemo_DefaultDelays_ShowsEachResourceThenTheIpAndItsKubectlCommandsWork_SigintExitsZero()
    {
        await using var demo = OperatorProcess.Start(["sandbox", "--demo", "--metrics-bind-address", "0", "--health-probe-bind-address", "0"], _workDir);

        var ipLine = await demo.WaitForLineAsync(l => l.StartsWith("WordPress IP: ", StringComparison.Ordinal), ToAddress);
        var ip = IpPattern().Match(ipLine).Value;
        Assert.That(ip, Is.Not.Empty, ipLine);

        // One line per resource as it is created and as it becomes ready, in the graph's order.
        var output = demo.Output;
        string[] milestones =
        [
            "ResourceGraphDefinition  osok-kro-demo                    Active",
            "Secret                   osok-kro-demo-mysql-admin        created",
            "DbSystem                 osok-kro-demo-db                 CREATING",
            "DbSystem                 osok-kro-demo-db                 ACTIVE",
            "Job                      osok-kro-demo-init-wordpress-db  succeeded",
            "Deployment               osok-kro-demo-wordpress-app      available 1/1",
            "Service                  osok-kro-demo-wordpress-svc      LoadBalancer IP " + ip,
        ];
        var positions = milestones.Select(m => output.IndexOf(m, StringComparison.Ordinal)).ToList();
        Assert.That(positions, Has.None.EqualTo(-1), output);
        Assert.That(positions, Is.Ordered, output);

        // The printed commands work as printed, with the printed kubeconfig.
        var commands = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("  kubectl ", StringComparison.Ordinal)).ToList();
        Assert.That(commands, Has.Count.GreaterThanOrEqualTo(4), output);
        Assert.That(commands, Has.All.Contains("--kubeconfig " + Path.Combine(_workDir, "sandbox.kubeconfig")));
        foreach (var command in commands)
        {
            var run = await ProcessRunner.RunAsync("bash", ["-c", command + " --cache-dir " + Path.Combine(_workDir, "kube-cache")], TimeSpan.FromSeconds(60), _workDir);
            Assert.That(run.ExitCode, Is.EqualTo(0), $"{command}\n{run.StandardError}");
            if (command.Contains("jsonpath", StringComparison.Ordinal))
            {
                Assert.That(run.StandardOutput, Is.EqualTo(ip), command);
            }
        }

        Assert.That(await demo.SignalAndWaitAsync(2, TimeSpan.FromSeconds(30)), Is.EqualTo(0), demo.Output);
    }

    [Test]
    public async Task SandboxDemo_ShortDelays_ReachesTheIpAndTheInstanceIsActive_SigtermExitsZero()
    {
        await using var demo = OperatorProcess.Start(
            [
                "sandbox", "--demo", "--metrics-bind-address", "0", "--health-probe-bind-address", "0",
                "--dbsystem-create-delay", "200ms", "--job-duration", "100ms", "--deployment-rollout-delay", "100ms", "--load-balancer-delay", "100ms",
            ],
            _workDir);

        await demo.WaitForLineAsync(l => l.StartsWith("WordPress IP: ", StringComparison.Ordinal), ToAddress);
        var kubeconfig = Path.Combine(_workDir, "sandbox.kubeconfig");
        var get = await ProcessRunner.RunAsync(
            "kubectl",
            ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(_workDir, "kube-cache"), "get", "OsokKroDemoApp", "-n", "demo"],
            TimeSpan.FromSeconds(60));
        Assert.That(get.ExitCode, Is.EqualTo(0), get.StandardError);
        Assert.That(get.StandardOutput, Does.Contain("osok-kro-demo"));
        await demo.WaitForLineAsync(l => l.Contains("OsokKroDemoApp", StringComparison.Ordinal) && l.EndsWith(" ACTIVE", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.That(await demo.SignalAndWaitAsync(15, TimeSpan.FromSeconds(30)), Is.EqualTo(0), demo.Output);
    }

    [TestCase("--controllers", "dbsystem", "rgd", TestName = "SandboxDemo_WithoutTheRgdController_ExitsTwoWithOneErrorLine")]
    [TestCase("--no-simulators", null, "simulators", TestName = "SandboxDemo_WithoutSimulators_ExitsTwoWithOneErrorLine")]
    public async Task SandboxDemo_ImpossibleFlags_ExitTwoWithOneErrorLine(string flag, string? value, string named)
    {
        string[] arguments = value is null
            ? ["sandbox", "--demo", flag, "--metrics-bind-address", "0", "--health-probe-bind-address", "0"]
            : ["sandbox", "--demo", flag, value, "--metrics-bind-address", "0", "--health-probe-bind-address", "0"];
        await using var demo = OperatorProcess.Start(arguments, _workDir);

        var exitCode = await demo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var lines = demo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(exitCode, Is.EqualTo(2), demo.Output);
        Assert.That(lines, Has.Length.EqualTo(1), demo.Output);
        Assert.That(lines[0], Does.StartWith("error: --demo needs").And.Contain(named));
    }

    [GeneratedRegex(@"\d+\.\d+\.\d+\.\d+")]
    private static partial Regex IpPattern();
}
