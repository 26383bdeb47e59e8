using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OciOperator.Mysql.Secrets;

namespace OciOperator.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    private const string ChaosPhase = "chaos";

    /// <summary>
    /// DbSystems created, updated and deleted while the operator is SIGKILLed at random moments and restarted, the
    /// API server injects write conflicts and 5xx, closes watches and compacts history, and OCI answers 30% of calls
    /// with 429/5xx (some after doing the work) with latency. Afterwards: exactly one OCI DB system per DbSystem (by
    /// ownership tag), the update applied, none left after deletion and no endpoint Secret orphaned.
    /// </summary>
    [Test]
    public async Task Chaos_OperatorKilledUnderApiAndOciFaults_ExactlyOneDbSystemEachAndNothingLeftAfterDelete()
    {
        _cluster.Calls.Phase = ChaosPhase;
        var random = new Random(_mode.Seed);
        var namespaces = Enumerable.Range(0, Math.Max(1, _mode.DbSystems / 10)).Select(i => $"chaos-{i}").ToList();
        foreach (var ns in namespaces)
        {
            await CreateNamespaceAsync(ns, "Chaos-Passw0rd!");
        }

        var names = Enumerable.Range(0, _mode.DbSystems).Select(i => (Namespace: namespaces[i % namespaces.Count], Name: $"db-{i:D4}")).ToList();
        var ociCallsBefore = _cluster.Oci.Calls.All.Count;
        var conflictsBefore = _cluster.Kube.Faults.InjectedConflicts;
        var errorsBefore = _cluster.Kube.Faults.InjectedErrors;
        var op = await StartOperatorAsync();
        var monkey = new ChaosMonkey(op, _cluster, random);
        using var compacting = new CancellationTokenSource();
        var compaction = monkey.CompactUntilCancelledAsync(compacting.Token);
        _cluster.Kube.Faults.WriteConflictRatio = 0.05;
        _cluster.Kube.Faults.WriteErrorRatio = 0.02;
        _cluster.Kube.Faults.CloseWatchesEvery = TimeSpan.FromSeconds(3);
        _cluster.Oci.Faults.SetFailureRatio(0.3, seed: _mode.Seed, afterProcessingShare: 0.2);
        _cluster.Oci.Faults.Latency = TimeSpan.FromMilliseconds(25);
        try
        {
            // Create: every DbSystem once, the operator killed meanwhile; then all ACTIVE, one OCI DB system each.
            var clock = Stopwatch.StartNew();
            var kills = monkey.KillAsync(_mode.KillsPerPhase, CancellationToken.None);
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
            {
                var (status, body) = await _api.CreateAsync(KubeJson.DbSystems(n.Namespace), Manifests.DbSystem(n.Name));
                Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
            });
            await kills;
            var created = await Converge.UntilAsync(
                () => DbSystemsInAsync(namespaces),
                all => all.Count == names.Count && all.All(d => Manifests.LifecycleState(d) == "ACTIVE"),
                Converge.States,
                "every chaos DbSystem to be ACTIVE",
                _mode.ConvergeTimeout);
            _report.AddDuration(ChaosPhase, "create: time to all ACTIVE", clock.Elapsed);
            var uids = created.Select(Manifests.Uid).ToList();
            var counts = uids.Select(uid => LiveOciDbSystemsOf(uid).Count).ToList();
            Assert.That(counts, Is.All.EqualTo(1), "exactly one OCI DB system per DbSystem, by ownership tag");
            Assert.That(_cluster.Oci.DbSystems.Count(d => d.LifecycleState != "DELETED"), Is.EqualTo(names.Count), "no untagged or stray OCI DB system");

            // Update: a new description on every DbSystem, the operator killed meanwhile; then OCI has it.
            clock.Restart();
            kills = monkey.KillAsync(_mode.KillsPerPhase, CancellationToken.None);
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
            {
                var patch = new JsonObject { ["spec"] = new JsonObject { ["description"] = "updated " + n.Name } };
                var (status, body) = await _api.MergePatchAsync($"{KubeJson.DbSystems(n.Namespace)}/{n.Name}", patch);
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            });
            await kills;
            await Converge.WaitAsync(
                () => created.All(d => LiveOciDbSystemsOf(Manifests.Uid(d)) is [{ } oci] && oci.Description == "updated " + d["metadata"]!["name"]!.GetValue<string>() && oci.LifecycleState == "ACTIVE"),
                () => $"{created.Count(d => LiveOciDbSystemsOf(Manifests.Uid(d)) is [{ } oci] && oci.Description == "updated " + d["metadata"]!["name"]!.GetValue<string>())} of {created.Count} updated",
                "every OCI DB system to carry the updated description",
                _mode.ConvergeTimeout);
            _report.AddDuration(ChaosPhase, "update: time to all applied", clock.Elapsed);
            Assert.That(uids.Select(uid => LiveOciDbSystemsOf(uid).Count), Is.All.EqualTo(1), "still exactly one OCI DB system per DbSystem after the updates");

            // Delete: every DbSystem, the operator killed meanwhile; then no DbSystem, no OCI DB system, no endpoint Secret.
            clock.Restart();
            kills = monkey.KillAsync(_mode.KillsPerPhase, CancellationToken.None);
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
            {
                var (status, body) = await _api.DeleteAsync($"{KubeJson.DbSystems(n.Namespace)}/{n.Name}");
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.Accepted), body?.ToJsonString());
            });
            await kills;
            await Converge.UntilAsync(() => DbSystemsInAsync(namespaces), all => all.Count == 0, Converge.States, "every chaos DbSystem to be gone", _mode.ConvergeTimeout);
            _report.AddDuration(ChaosPhase, "delete: time to all gone", clock.Elapsed);
            await Eventually.WaitAsync(
                () => uids.All(uid => LiveOciDbSystemsOf(uid).All(d => d.LifecycleState == "DELETING")),
                "no OCI DB system of a deleted DbSystem other than DELETING/DELETED",
                TimeSpan.FromSeconds(30));
            await Eventually.WaitAsync(
                () => uids.All(uid => LiveOciDbSystemsOf(uid).Count == 0),
                "every OCI DB system of a deleted DbSystem DELETED",
                TimeSpan.FromSeconds(30));
            await Eventually.WaitAsync(
                async () => (await OwnedEndpointSecretsAsync(namespaces, uids)).Count == 0,
                "no endpoint Secret of a deleted DbSystem",
                TimeSpan.FromSeconds(30));
        }
        finally
        {
            _cluster.Kube.Faults.WriteConflictRatio = 0;
            _cluster.Kube.Faults.WriteErrorRatio = 0;
            _cluster.Kube.Faults.CloseWatchesEvery = null;
            _cluster.Oci.Faults.Clear();
            await compacting.CancelAsync();
            await compaction;
            var ociCalls = _cluster.Oci.Calls.All.Skip(ociCallsBefore).ToList();
            _report.Add(ChaosPhase, "DbSystems (namespaces)", $"{names.Count} ({namespaces.Count})");
            _report.Add(ChaosPhase, "operator SIGKILLs / starts", $"{op.Kills} / {op.Starts}");
            _report.Add(ChaosPhase, "API faults: 409 / 5xx / compactions", $"{_cluster.Kube.Faults.InjectedConflicts - conflictsBefore} / {_cluster.Kube.Faults.InjectedErrors - errorsBefore} / {monkey.Compactions} (watches closed every 3 s)");
            _report.Add(ChaosPhase, "OCI calls / failed (429, 5xx, 0)", string.Create(CultureInfo.InvariantCulture, $"{ociCalls.Count} / {ociCalls.Count(c => c.Status is 0 or 429 or >= 500)}"));
            _report.Add(ChaosPhase, "OCI CreateDbSystem calls", ociCalls.Count(c => c.Operation == "CreateDbSystem"));
            await op.StopAsync();
            KeepOutput(op, ChaosPhase);
        }
    }

    /// <summary>Secrets in the namespaces labelled as the endpoint Secret of one of <paramref name="uids"/>.</summary>
    private async Task<List<string>> OwnedEndpointSecretsAsync(IEnumerable<string> namespaces, IReadOnlyCollection<string> uids)
    {
        var owned = new List<string>();
        foreach (var ns in namespaces)
        {
            foreach (var secret in await _api.ListAsync(KubeJson.Secrets(ns)))
            {
                if (secret["metadata"]?["labels"]?[EndpointSecretLabels.OwnerUid]?.GetValue<string>() is { } uid && uids.Contains(uid))
                {
                    owned.Add($"{ns}/{secret["metadata"]!["name"]}");
                }
            }
        }

        return owned;
    }
}
