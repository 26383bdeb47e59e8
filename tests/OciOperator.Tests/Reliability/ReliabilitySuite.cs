using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using OciOperator.Mysql.Ownership;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// The reliability suite (issue 11 part B): the operator as a separate process against a Sandbox the suite hosts,
/// under chaos (SIGKILL, API and OCI faults), poison (malformed objects beside valid ones), canary passwords and an
/// RBAC audit of every call it made. CI size by default; <c>OCI_OPERATOR_SOAK=1</c> for the soak numbers.
/// The phases share one Sandbox so the RBAC audit sees the whole run (NUnit runs a fixture's tests by name:
/// CanaryPasswords, Chaos, Poison, then RbacAudit; run alone, the audit drives a workload of its own); a report
/// ends the run.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Reliability")]
public sealed partial class ReliabilitySuite
{
    private readonly List<OperatorUnderTest> _operators = [];
    private SuiteMode _mode = null!;
    private ReliabilityCluster _cluster = null!;
    private KubeJson _api = null!;
    private RunReport _report = null!;

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        _mode = SuiteMode.FromEnvironment();
        TestContext.Progress.WriteLine($"reliability suite: mode {_mode.Name}, seed {_mode.Seed} (replay with OCI_OPERATOR_RELIABILITY_SEED={_mode.Seed})");
        _report = new RunReport(_mode);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _cluster = await ReliabilityCluster.StartAsync(_mode.Seed, cts.Token);
        _api = new KubeJson(_cluster.Kube.BaseAddress);
    }

    [OneTimeTearDown]
    public async Task StopSandbox()
    {
        foreach (var op in _operators)
        {
            await op.DisposeAsync();
        }

        _report.Add("run", "operator Kubernetes calls", _cluster.Calls.OperatorCalls);
        _report.Add("run", "operator calls by verb", string.Join(", ", _cluster.Calls.OperatorVerbs.Select(v => $"{v.Key} {v.Value}")));
        _report.Add("run", "other Kubernetes calls (suite, sim.)", _cluster.Calls.OtherCalls);
        _report.Add("run", "OCI calls", string.Join(", ", _cluster.Oci.Calls.CountsByOperation().OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        _report.AddBytes("run", "peak RSS of the operator", _operators.Count == 0 ? 0 : _operators.Max(o => o.PeakResidentBytes));
        _report.AddBytes("run", "peak working set of Sandbox+suite", Process.GetCurrentProcess().PeakWorkingSet64);
        TestContext.Progress.WriteLine(_report.ToString());
        _api.Dispose();
        await _cluster.DisposeAsync();
    }

    private async Task<OperatorUnderTest> StartOperatorAsync(string controllers = "dbsystem", IReadOnlyDictionary<string, string>? environment = null)
    {
        var op = new OperatorUnderTest(_cluster, controllers, environment);
        _operators.Add(op);
        await op.StartAsync();
        return op;
    }

    private async Task CreateNamespaceAsync(string name, string adminPassword)
    {
        var (status, body) = await _api.CreateAsync("api/v1/namespaces", Manifests.Namespace(name));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.Conflict), body?.ToJsonString());
        (status, body) = await _api.CreateAsync(KubeJson.Secrets(name), Manifests.AdminSecret("admin-secret", adminPassword));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
    }

    /// <summary>Attaches the operator's output of every life to the test result (for the reader of a failure).</summary>
    private static void KeepOutput(OperatorUnderTest op, string phase)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"reliability-operator-{phase}.log");
        File.WriteAllText(path, op.AllOutput);
        TestContext.AddTestAttachment(path, $"the operator's output in the {phase} phase");
    }

    /// <summary>Every DbSystem in the namespaces (empty lists for namespaces that failed to list).</summary>
    private async Task<List<JsonObject>> DbSystemsInAsync(IEnumerable<string> namespaces)
    {
        var all = new List<JsonObject>();
        foreach (var ns in namespaces)
        {
            all.AddRange(await _api.ListAsync(KubeJson.DbSystems(ns)));
        }

        return all;
    }

    /// <summary>The emulator's DB systems tagged as owned by <paramref name="uid"/> that are not DELETED.</summary>
    private List<Sandbox.Oci.Mysql.EmulatedDbSystem> LiveOciDbSystemsOf(string uid) =>
        [.. _cluster.Oci.DbSystems.Where(d =>
            d.LifecycleState != "DELETED"
            && d.FreeformTags.TryGetValue(OwnershipTags.OwnerUid, out var owner) && owner == uid)];
}
