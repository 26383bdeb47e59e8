using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

/// <summary>
/// <c>run</c> against a cluster without the ResourceGraphDefinition CRD (issue 15): with the default controllers it
/// exits at once after a (here short) grace period with one line that says what is missing, how to install it and how
/// to run without it, instead of waiting for the cache-sync timeout; a CRD applied within the grace period lets it
/// start. The cluster is a <c>sandbox --controllers ,</c> process (only the API server, simulators and emulator).
/// </summary>
[NonParallelizable]
public sealed class RunCrdPreflightTests
{
    private const string RgdCrd = "resourcegraphdefinitions.kro.run";
    private string _workDir = "";
    private OperatorProcess? _sandbox;
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();
    private string[] _runArguments = [];

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "oci-operator-preflight-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
        _sandbox = OperatorProcess.Start(
            ["sandbox", "--controllers", ",", "--print-run-env", "--metrics-bind-address", "0", "--health-probe-bind-address", "0", "--log-level", "debug"], _workDir);
        var runLine = await _sandbox.WaitForLineAsync(l => l.StartsWith("oci-operator run ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        _environment = _sandbox.Output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        // The printed run line, with the default controllers (dbsystem,rgd) and the default cache-sync timeout (2m).
        _runArguments = [.. runLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)];
    }

    [OneTimeTearDown]
    public async Task StopSandbox()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        Directory.Delete(_workDir, recursive: true);
    }

    [SetUp]
    public async Task DeleteRgdCrd()
    {
        var deleted = await Kubectl("delete", "crd", RgdCrd, "--ignore-not-found", "--wait=true");
        Assert.That(deleted.ExitCode, Is.Zero, deleted.StandardError);
    }

    [Test]
    public async Task Run_RgdCrdNotInstalled_ExitsAfterGraceWithOneLineSayingHowToInstallOrRunWithout()
    {
        await using var run = OperatorProcess.Start([.. _runArguments, "--crd-wait-timeout", "1s"], _workDir, _environment);

        // Well inside the 2-minute cache-sync timeout the run would otherwise wait for.
        var exitCode = await run.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.That(exitCode, Is.Not.Zero, run.Output);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), "one line, no log noise: " + run.Output);
        Assert.That(lines[0], Does.StartWith("error: the cluster does not serve the CRD resourcegraphdefinitions.kro.run (ResourceGraphDefinition) after waiting 1s"));
        Assert.That(lines[0], Does.Contain("kubectl apply -f config/crd/bases/kro.run_resourcegraphdefinitions.yaml"));
        Assert.That(lines[0], Does.Contain("deploy/oci-operator.yaml"));
        Assert.That(lines[0], Does.EndWith("or run without that controller: --controllers dbsystem."));
    }

    [Test]
    public async Task Run_RgdCrdAppliedDuringGrace_StartsAndServes()
    {
        var missesBefore = DiscoveryMisses();
        await using var run = OperatorProcess.Start([.. _runArguments, "--crd-wait-timeout", "60s"], _workDir, _environment);
        // The run looked for the CRD and did not find it (the Sandbox logs the 404 of its discovery request).
        await Eventually.WaitAsync(() => DiscoveryMisses() > missesBefore, "the run's discovery of kro.run/v1alpha1 to miss", TimeSpan.FromSeconds(30));

        var applied = await Kubectl("apply", "-f", Path.Combine(RepositoryPaths.Root, "config", "crd", "bases", "kro.run_resourcegraphdefinitions.yaml"));
        Assert.That(applied.ExitCode, Is.Zero, applied.StandardError);

        var started = await run.WaitForLineAsync(l => l.StartsWith("Operator running against ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.That(started, Does.StartWith("Operator running against "));
        Assert.That(run.Output, Does.Not.Contain("does not serve the CRD"), run.Output);
        Assert.That(await run.SignalAndWaitAsync(2, TimeSpan.FromSeconds(30)), Is.Zero, run.Output);
    }

    /// <summary>Discovery requests for kro.run/v1alpha1 the Sandbox answered with 404 so far.</summary>
    private int DiscoveryMisses() =>
        _sandbox!.Output.Split('\n').Count(l => l.Contains("/apis/kro.run/v1alpha1 ", StringComparison.Ordinal) && l.Contains(" 404", StringComparison.Ordinal));

    private Task<ProcessResult> Kubectl(params string[] args) =>
        ProcessRunner.RunAsync("kubectl", ["--kubeconfig", _environment["KUBECONFIG"], "--cache-dir", Path.Combine(_workDir, "kube-cache"), .. args], TimeSpan.FromSeconds(60));
}
