using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace OciOperator.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    private const string ChaosPhase = "chaos";

    /// <summary>
    /// One operator process running both controllers, SIGKILLed at random moments and restarted, while DbSystems and
    /// seed-walkthrough instances (the RGD verbatim, applied with kubectl, one instance per namespace) are created,
    /// updated and deleted side by side; the API server injects write conflicts and 5xx, closes watches and compacts
    /// history, and OCI answers 30% of calls with 429/5xx (some after doing the work) with latency. Afterwards: every
    /// DbSystem ACTIVE and every instance ACTIVE with its WordPress IP while it exists, exactly one OCI DB system per
    /// DbSystem (by ownership tag) with the update applied, and after deletion no DbSystem, instance, child (Secrets,
    /// DbSystem, Job, Deployment, Service), endpoint Secret or OCI DB system left.
    /// </summary>
    [Test]
    public async Task Chaos_OperatorKilledDuringCreatesUpdatesDeletesOfDbSystemsAndWalkthroughs_ExactlyOneDbSystemEachAndNothingLeft()
    {
        _cluster.Calls.Phase = ChaosPhase;
        var random = new Random(_mode.Seed);
        var namespaces = Enumerable.Range(0, Math.Max(1, _mode.DbSystems / 10)).Select(i => $"chaos-{i}").ToList();
        await Parallel.ForEachAsync(namespaces, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (ns, _) => await CreateNamespaceAsync(ns, "Chaos-Passw0rd!"));
        var names = Enumerable.Range(0, _mode.DbSystems).Select(i => (Namespace: namespaces[i % namespaces.Count], Name: $"db-{i:D4}")).ToList();
        var walkNamespaces = Enumerable.Range(0, _mode.WalkthroughInstances).Select(i => $"walk-{i:D4}").ToList();
        await CreateBareNamespacesAsync(walkNamespaces);
        var chaosSet = namespaces.ToHashSet(StringComparer.Ordinal);
        var walkSet = walkNamespaces.ToHashSet(StringComparer.Ordinal);
        using var kubectl = new KubectlRunner(await File.ReadAllTextAsync(_cluster.KubeconfigPath));
        var applied = await kubectl.RunAsync("apply", "-f", RepositoryPaths.SeedFixture("osok_kro_demo_rgd.yaml"));
        Assert.That(applied.ExitCode, Is.EqualTo(0), applied.ToString());
        var instancesFile = await InstancesFileAsync(kubectl, walkNamespaces);

        var ociCallsBefore = _cluster.Oci.Calls.All.Count;
        var conflictsBefore = _cluster.Kube.Faults.InjectedConflicts;
        var errorsBefore = _cluster.Kube.Faults.InjectedErrors;
        var op = await StartOperatorAsync("dbsystem,rgd");
        var monkey = new ChaosMonkey(op, _cluster, random);
        using var compacting = new CancellationTokenSource();
        Task? compaction = null;
        try
        {
            await Converge.UntilAsync(
                () => _api.GetAsync("apis/kro.run/v1alpha1/resourcegraphdefinitions/" + InstanceName),
                r => r.Body?["status"]?["state"]?.GetValue<string>() == "Active",
                r => r.Body?["status"]?.ToJsonString() ?? r.Status.ToString(),
                "the seed RGD to be Active",
                _mode.ConvergeTimeout);
            compaction = monkey.CompactUntilCancelledAsync(compacting.Token);
            _cluster.Kube.Faults.CloseWatchesEvery = TimeSpan.FromSeconds(3);
            _cluster.Oci.Faults.SetFailureRatio(0.3, seed: _mode.Seed, afterProcessingShare: 0.2);
            _cluster.Oci.Faults.Latency = TimeSpan.FromMilliseconds(25);

            // Create, the operator killed meanwhile: the instances applied with kubectl (before the API's write faults,
            // which kubectl would not retry), then the DbSystems (retried as a user would).
            var clock = Stopwatch.StartNew();
            var kills = monkey.KillAsync(_mode.KillsPerPhase, CancellationToken.None);
            applied = await kubectl.RunAsync(TimeSpan.FromMinutes(10), "apply", "-f", instancesFile);
            Assert.That(applied.ExitCode, Is.EqualTo(0), applied.ToString());
            _cluster.Kube.Faults.WriteConflictRatio = 0.05;
            _cluster.Kube.Faults.WriteErrorRatio = 0.02;
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
            {
                var (status, body) = await _api.CreateAsync(KubeJson.DbSystems(n.Namespace), Manifests.DbSystem(n.Name));
                Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
            });
            await kills;
            var (dbSystems, instances) = await ConvergeChaosAsync(chaosSet, walkSet, names.Count, "every DbSystem ACTIVE and every instance ACTIVE with its IP");
            _report.AddDuration(ChaosPhase, "create: time to all ACTIVE", clock.Elapsed);
            Assert.That(instances.Select(Namespace).Order(StringComparer.Ordinal), Is.EqualTo(walkNamespaces), "one instance per walkthrough namespace");
            var walkDbSystems = dbSystems.Where(d => walkSet.Contains(Namespace(d))).ToList();
            Assert.That(walkDbSystems.Select(d => $"{Namespace(d)}/{Name(d)}").Order(StringComparer.Ordinal), Is.EqualTo(walkNamespaces.Select(ns => $"{ns}/{InstanceName}-db")), "one DbSystem per instance");
            var uids = dbSystems.Select(Manifests.Uid).ToHashSet(StringComparer.Ordinal);
            var owners = LiveOciDbSystemsByOwner();
            Assert.That(uids.All(u => owners.TryGetValue(u, out var owned) && owned.Count == 1), Is.True, "exactly one OCI DB system per DbSystem, by ownership tag: " + OwnedCounts(uids, owners));
            Assert.That(_cluster.Oci.DbSystems.Count(d => d.LifecycleState != "DELETED"), Is.EqualTo(names.Count + walkNamespaces.Count), "no untagged or stray OCI DB system");

            // Update, the operator killed meanwhile: a new description on every DbSystem, more storage for every
            // instance (the RGD carries it to its DbSystem); then OCI has both and every instance is ACTIVE again.
            clock.Restart();
            kills = monkey.KillAsync(_mode.KillsPerPhase, CancellationToken.None);
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
            {
                var patch = new JsonObject { ["spec"] = new JsonObject { ["description"] = "updated " + n.Name } };
                var (status, body) = await _api.MergePatchAsync($"{KubeJson.DbSystems(n.Namespace)}/{n.Name}", patch);
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            });
            await Parallel.ForEachAsync(walkNamespaces, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (ns, _) =>
            {
                var patch = new JsonObject { ["spec"] = new JsonObject { ["mysqlStorageSizeInGBs"] = UpdatedStorageGBs } };
                var (status, body) = await _api.MergePatchAsync($"apis/kro.run/v1alpha1/namespaces/{ns}/osokkrodemoapps/{InstanceName}", patch);
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            });
            await kills;
            var expected = dbSystems.ToDictionary(Manifests.Uid, d => (Chaos: chaosSet.Contains(Namespace(d)), Name: Name(d)), StringComparer.Ordinal);
            await Converge.WaitAsync(
                () => UpdatesApplied(expected) == expected.Count,
                () => $"{UpdatesApplied(expected)} of {expected.Count} updated in OCI",
                "every OCI DB system to carry its update",
                _mode.ConvergeTimeout);
            (dbSystems, instances) = await ConvergeChaosAsync(chaosSet, walkSet, names.Count, "every DbSystem and instance ACTIVE (with its IP) after the updates");
            _report.AddDuration(ChaosPhase, "update: time to all applied", clock.Elapsed);
            Assert.That(dbSystems.Select(Manifests.Uid).ToHashSet(StringComparer.Ordinal).SetEquals(uids), Is.True, "the same DbSystems (none replaced)");
            owners = LiveOciDbSystemsByOwner();
            Assert.That(uids.All(u => owners.TryGetValue(u, out var owned) && owned.Count == 1), Is.True, "still exactly one OCI DB system per DbSystem after the updates: " + OwnedCounts(uids, owners));

            // Delete, the operator killed meanwhile: every DbSystem and every instance; then nothing of either is left.
            clock.Restart();
            kills = monkey.KillAsync(_mode.KillsPerPhase, CancellationToken.None);
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
            {
                var (status, body) = await _api.DeleteAsync($"{KubeJson.DbSystems(n.Namespace)}/{n.Name}");
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.Accepted), body?.ToJsonString());
            });
            await Parallel.ForEachAsync(walkNamespaces, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (ns, _) =>
            {
                var (status, body) = await _api.DeleteAsync($"apis/kro.run/v1alpha1/namespaces/{ns}/osokkrodemoapps/{InstanceName}");
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.Accepted), body?.ToJsonString());
            });
            await kills;
            await Converge.UntilAsync(
                async () => (DbSystems: await ListInAsync(AllDbSystemsPath, chaosSet), Instances: await ListInAsync(InstancesPath, walkSet), Children: await WalkthroughChildrenLeftAsync(walkSet)),
                left => left.DbSystems.Count == 0 && left.Instances.Count == 0 && left.Children.Count == 0,
                left => $"DbSystems {Converge.States(left.DbSystems)}; instances {InstanceStates(left.Instances)}; children left: {string.Join(", ", left.Children.Take(20))}",
                "every DbSystem, instance and child to be gone",
                _mode.ConvergeTimeout);
            _report.AddDuration(ChaosPhase, "delete: time to nothing left", clock.Elapsed);
            await Converge.WaitAsync(
                () => LiveOciDbSystemsByOwner().Keys.All(owner => !uids.Contains(owner)),
                () => OwnedCounts(uids, LiveOciDbSystemsByOwner()),
                "no OCI DB system of a deleted DbSystem other than DELETED",
                TimeSpan.FromSeconds(60));
            await Converge.UntilAsync(() => OwnedEndpointSecretsAsync(uids), left => left.Count == 0, left => string.Join(", ", left.Take(20)), "no endpoint Secret of a deleted DbSystem", TimeSpan.FromSeconds(30));
        }
        finally
        {
            _cluster.Kube.Faults.WriteConflictRatio = 0;
            _cluster.Kube.Faults.WriteErrorRatio = 0;
            _cluster.Kube.Faults.CloseWatchesEvery = null;
            _cluster.Oci.Faults.Clear();
            await compacting.CancelAsync();
            if (compaction is not null)
            {
                await compaction;
            }

            var ociCalls = _cluster.Oci.Calls.All.Skip(ociCallsBefore).ToList();
            _report.Add(ChaosPhase, "DbSystems (namespaces)", $"{names.Count} ({namespaces.Count})");
            _report.Add(ChaosPhase, "walkthrough instances (namespaces)", $"{walkNamespaces.Count} ({walkNamespaces.Count})");
            _report.Add(ChaosPhase, "operator SIGKILLs / starts", $"{op.Kills} / {op.Starts}");
            _report.Add(ChaosPhase, "API faults: 409 / 5xx / compactions", $"{_cluster.Kube.Faults.InjectedConflicts - conflictsBefore} / {_cluster.Kube.Faults.InjectedErrors - errorsBefore} / {monkey.Compactions} (watches closed every 3 s)");
            _report.Add(ChaosPhase, "OCI calls / failed (429, 5xx, 0)", string.Create(CultureInfo.InvariantCulture, $"{ociCalls.Count} / {ociCalls.Count(c => c.Status is 0 or 429 or >= 500)}"));
            _report.Add(ChaosPhase, "OCI CreateDbSystem calls", ociCalls.Count(c => c.Operation == "CreateDbSystem"));
            await op.StopAsync();
            var output = op.AllOutput;
            _report.Add(ChaosPhase, "retries: OCI calls / reconciles (logged)", $"{Occurrences(output, OciRetryLogged)} / {Occurrences(output, ReconcileFailureLogged)}");
            KeepOutput(op, ChaosPhase);
        }
    }

    /// <summary>The storage the update phase gives every walkthrough instance (the seed's is 50).</summary>
    private const int UpdatedStorageGBs = 60;

    /// <summary>
    /// Waits until the chaos DbSystems are all ACTIVE and every walkthrough instance is ACTIVE with its WordPress IP
    /// (its DbSystem ACTIVE too); returns the DbSystems of both kinds of namespace and the instances.
    /// </summary>
    private async Task<(List<JsonObject> DbSystems, List<JsonObject> Instances)> ConvergeChaosAsync(IReadOnlySet<string> chaos, IReadOnlySet<string> walk, int dbSystems, string what)
    {
        var all = chaos.Concat(walk).ToHashSet(StringComparer.Ordinal);
        var state = await Converge.UntilAsync(
            async () => (DbSystems: await ListInAsync(AllDbSystemsPath, all), Instances: await ListInAsync(InstancesPath, walk)),
            s => s.DbSystems.Count == dbSystems + walk.Count
                 && s.DbSystems.All(d => Manifests.LifecycleState(d) == "ACTIVE")
                 && s.Instances.Count == walk.Count
                 && s.Instances.All(IsActiveWithIp),
            s => $"DbSystems {Converge.States(s.DbSystems)}; instances {InstanceStates(s.Instances)}",
            what,
            _mode.ConvergeTimeout);
        return (state.DbSystems, state.Instances);
    }

    /// <summary>How many OCI DB systems of <paramref name="expected"/> carry their update and are ACTIVE, one per owner.</summary>
    private int UpdatesApplied(Dictionary<string, (bool Chaos, string Name)> expected)
    {
        var owners = LiveOciDbSystemsByOwner();
        return expected.Count(e => owners.TryGetValue(e.Key, out var owned) && owned is [{ LifecycleState: "ACTIVE" } oci]
            && (e.Value.Chaos ? oci.Description == "updated " + e.Value.Name : oci.DataStorageSizeInGBs == UpdatedStorageGBs));
    }
}
