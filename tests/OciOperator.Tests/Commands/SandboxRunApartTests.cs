using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

/// <summary>
/// The operator run apart from the Sandbox (issue 11 A 10): <c>sandbox --controllers , --print-run-env</c> prints what
/// a separate <c>run</c> needs, and a <c>run</c> process started with exactly that reconciles a DbSystem applied with
/// kubectl to ACTIVE against the emulator.
/// </summary>
[NonParallelizable]
public sealed class SandboxRunApartTests
{
    private string _workDir = "";

    [SetUp]
    public void SetUp()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "oci-operator-apart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_workDir, recursive: true);

    [Test]
    public async Task PrintRunEnv_SeparateRunWithThatEnvironment_ReconcilesDbSystemToActive()
    {
        await using var sandbox = OperatorProcess.Start(
            ["sandbox", "--controllers", ",", "--print-run-env", "--metrics-bind-address", "0", "--health-probe-bind-address", "0"], _workDir);
        var runLine = await sandbox.WaitForLineAsync(l => l.StartsWith("oci-operator run ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var environment = sandbox.Output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        Assert.That(environment.Keys, Is.EquivalentTo(new[] { "KUBECONFIG", "OCI_METADATA_BASE_URL", "OCI_SDK_AUTH_CLIENT_REGION_URL" }), sandbox.Output);

        await using var run = OperatorProcess.Start(runLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1), _workDir, environment);
        var kubeconfig = environment["KUBECONFIG"];
        var secret = Path.Combine(_workDir, "admin-secret.yaml");
        await File.WriteAllTextAsync(secret, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: admin-secret\nstringData:\n  username: admin\n  password: Sandbox-Passw0rd!\n");
        var sample = Path.Combine(RepositoryPaths.Shared, "fixtures", "seed", "dbsystem_sample.yaml");

        var apply = await Kubectl(kubeconfig, "apply", "-f", secret, "-f", sample);
        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.StandardError);
        var wait = await Kubectl(kubeconfig, "wait", "dbsystem/mysql-dbsystem-sample", "--for=jsonpath={.status.lifecycleState}=ACTIVE", "--timeout=90s");

        Assert.That(wait.ExitCode, Is.EqualTo(0), wait.StandardError + "\nrun:\n" + run.Output + "\nsandbox:\n" + sandbox.Output);
        Assert.That(sandbox.Output, Does.Not.Contain("Reconciler").And.Not.Contain("created DB system"), "the Sandbox's own operator reconciled nothing");
        Assert.That(await run.SignalAndWaitAsync(2, TimeSpan.FromSeconds(30)), Is.EqualTo(0), run.Output);
        Assert.That(await sandbox.SignalAndWaitAsync(2, TimeSpan.FromSeconds(30)), Is.EqualTo(0), sandbox.Output);
    }

    private Task<ProcessResult> Kubectl(string kubeconfig, params string[] args) =>
        ProcessRunner.RunAsync("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(_workDir, "kube-cache"), .. args], TimeSpan.FromSeconds(120));
}
