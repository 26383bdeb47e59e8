using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace OciOperator.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    private const string PoisonPhase = "poison";

    /// <summary>
    /// Malformed DbSystems (the fixed table and seeded random mutations) applied beside valid ones: every valid one
    /// converges to ACTIVE, every bad one ends with an outcome allowed for it (a 4xx, a clear Failed condition, a
    /// FailedDecode Event, or ACTIVE for what is odd but valid) and never a 5xx or silence, the probes say the operator
    /// is healthy and ready (and it is: valid objects converge), the reconcile rate stays bounded once everything has
    /// settled, and deleting every one of them completes.
    /// </summary>
    [Test]
    public async Task Poison_MalformedDbSystemsBesideValidOnes_ValidConvergeBadEndClearlyRateBounded()
    {
        _cluster.Calls.Phase = PoisonPhase;
        const string ns = "poison";
        await CreateNamespaceAsync(ns, "Poison-Passw0rd!");
        var cases = PoisonGenerator.Fixed().Concat(PoisonGenerator.Random(new Random(_mode.Seed ^ 0x9015), _mode.PoisonRandom)).ToList();
        var valid = Enumerable.Range(0, _mode.PoisonValid).Select(i => $"valid-{i:D3}").ToList();
        var op = await StartOperatorAsync();
        try
        {
            await op.WaitReadyAsync(TimeSpan.FromSeconds(60));
            var clock = Stopwatch.StartNew();
            var rejected = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
            var problems = new List<string>();
            for (var i = 0; i < Math.Max(cases.Count, valid.Count); i++)
            {
                if (i < valid.Count)
                {
                    var (status, body) = await _api.CreateAsync(KubeJson.DbSystems(ns), Manifests.DbSystem(valid[i]));
                    Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
                }

                if (i < cases.Count)
                {
                    var c = cases[i];
                    var (status, body) = await _api.CreateRawAsync(KubeJson.DbSystems(ns), c.Body);
                    if ((int)status is >= 400 and < 500)
                    {
                        rejected[c.Name] = status;
                        if (!c.Allowed.HasFlag(PoisonOutcome.Rejected))
                        {
                            problems.Add($"{c}: refused with {(int)status}, which is not an allowed outcome: {Message(body)}");
                        }
                    }
                    else if (status != HttpStatusCode.Created)
                    {
                        problems.Add($"{c}: answered {(int)status} {Message(body)}");
                    }
                    else if (c.StatusPatch is { } patch)
                    {
                        // A status only a broken client or a hand edit would write; the server may refuse it (a 4xx).
                        var (patched, patchBody) = await _api.MergePatchAsync($"{KubeJson.DbSystems(ns)}/{c.Name}/status", patch);
                        if ((int)patched >= 500)
                        {
                            problems.Add($"{c}: the status patch got {(int)patched} {Message(patchBody)}");
                        }
                    }
                }
            }

            var accepted = cases.Where(c => !rejected.ContainsKey(c.Name)).ToList();
            var outcomes = await Converge.UntilAsync(
                () => PoisonOutcomesAsync(ns, accepted.Select(c => c.Name).Concat(valid)),
                now => valid.All(v => now[v] == PoisonOutcome.Active) && accepted.All(c => now[c.Name] != PoisonOutcome.None),
                now => "valid: " + string.Join(", ", valid.Select(v => $"{v}={now[v]}")) + "; undecided: " + string.Join(", ", accepted.Where(c => now[c.Name] == PoisonOutcome.None).Select(c => c.ToString()[..Math.Min(c.ToString().Length, 160)])),
                "every valid DbSystem ACTIVE and every accepted malformed one to end with a clear outcome",
                _mode.ConvergeTimeout);
            _report.AddDuration(PoisonPhase, "time to all settled", clock.Elapsed);
            problems.AddRange(accepted
                .Where(c => (c.Allowed & outcomes[c.Name]) == 0)
                .Select(c => $"{c}: ended {outcomes[c.Name]}, allowed {c.Allowed}"));
            Assert.That(problems, Is.Empty, "every malformed DbSystem ends with an allowed clear outcome");

            var healthz = await op.ProbeAsync("healthz");
            var readyz = await op.ProbeAsync("readyz");
            Assert.That((healthz.Status, readyz.Status), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)), $"healthz: {healthz.Body}\nreadyz: {readyz.Body}");

            // Settled: a bounded number of reconciles in a quiet window (a hot loop would be hundreds per second). At
            // most one per object in 4 s is a tighter bound than the earlier one per object in 10 s.
            var window = TimeSpan.FromSeconds(4);
            var before = OperatorUnderTest.Sum(await op.ScrapeAsync(), "controller_runtime_reconcile_total", "controller=\"dbsystem\"");
            await Task.Delay(window);
            var after = OperatorUnderTest.Sum(await op.ScrapeAsync(), "controller_runtime_reconcile_total", "controller=\"dbsystem\"");
            var objects = accepted.Count + valid.Count;
            _report.Add(PoisonPhase, "objects: valid / malformed / refused", $"{valid.Count} / {cases.Count} / {rejected.Count}");
            _report.Add(PoisonPhase, "outcomes of the accepted", string.Join(", ", accepted.GroupBy(c => outcomes[c.Name]).Select(g => $"{g.Key} {g.Count()}")));
            _report.Add(PoisonPhase, "reconciles in a quiet 4 s", $"{after - before} for {objects} objects (total {after})");
            Assert.That(before, Is.GreaterThan(0), "the reconcile counter is exported");
            Assert.That(after - before, Is.LessThanOrEqualTo(objects), "reconciles per object in a quiet 4 s window");

            clock.Restart();
            var (deleted, deleteBody) = await _api.DeleteAsync(KubeJson.DbSystems(ns));
            Assert.That(deleted, Is.EqualTo(HttpStatusCode.OK), deleteBody?.ToJsonString());
            await Converge.UntilAsync(() => DbSystemsInAsync([ns]), all => all.Count == 0, Converge.States, "every poison DbSystem to be deleted", _mode.ConvergeTimeout);
            _report.AddDuration(PoisonPhase, "time to all deleted", clock.Elapsed);
        }
        finally
        {
            await op.StopAsync();
            KeepOutput(op, PoisonPhase);
        }
    }

    /// <summary>The clear outcome each named DbSystem has reached so far (None: not yet).</summary>
    private async Task<Dictionary<string, PoisonOutcome>> PoisonOutcomesAsync(string ns, IEnumerable<string> names)
    {
        var objects = (await _api.ListAsync(KubeJson.DbSystems(ns))).ToDictionary(d => Name(d), StringComparer.Ordinal);
        var reported = (await _api.ListAsync($"api/v1/namespaces/{ns}/events"))
            .Where(e => e["reason"]?.GetValue<string>() == "FailedDecode")
            .Select(e => e["involvedObject"]?["name"]?.GetValue<string>())
            .Concat((await _api.ListAsync($"apis/events.k8s.io/v1/namespaces/{ns}/events"))
                .Where(e => e["reason"]?.GetValue<string>() == "FailedDecode")
                .Select(e => e["regarding"]?["name"]?.GetValue<string>()))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return names.ToDictionary(
            n => n,
            n => reported.Contains(n) ? PoisonOutcome.Reported
                : !objects.TryGetValue(n, out var d) ? PoisonOutcome.None
                : Manifests.LifecycleState(d) == "ACTIVE" ? PoisonOutcome.Active
                : Manifests.ClearFailure(d) is not null ? PoisonOutcome.Failed
                : PoisonOutcome.None,
            StringComparer.Ordinal);
    }

    private static string Message(JsonNode? status)
    {
        var message = (status as JsonObject)?["message"]?.GetValue<string>() ?? status?.ToJsonString() ?? "";
        return message.Length > 200 ? message[..200] + "…" : message;
    }
}
