using System.Net;
using System.Text.Json.Nodes;

namespace OciOperator.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    private const string CanaryPhase = "canary";

    /// <summary>
    /// Canary passwords through every path — a create, a rotation, a rotation to a weak one, and creates with a weak
    /// password, one OCI refuses for its characters, one containing the username, common words and JSON/URL special
    /// characters — then every log line of every operator life (debug level), every Event, every DbSystem (status,
    /// annotations, all of it), the metrics (scraped and exported), the exported traces and the OCI calls are searched for each in plain, base64, JSON- and
    /// URL-escaped forms. The Secrets themselves must hold them (the search works).
    /// </summary>
    [Test]
    public async Task CanaryPasswords_EveryPath_NeverInLogsEventsStatusMetricsOrOciCalls()
    {
        _cluster.Calls.Phase = CanaryPhase;
        const string ns = "canary";
        var random = new Random(_mode.Seed ^ 0x5EC2E7);
        string Letters(int n) => new([.. Enumerable.Range(0, n).Select(_ => (char)('a' + random.Next(26)))]);
        var canaries = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["create"] = "Cn" + Letters(8) + "#1Q",
            ["rotation"] = "Rt" + Letters(8) + "!9Z",
            ["rotation-weak"] = "rwq" + Letters(4),
            ["weak"] = "wkq" + Letters(4),
            ["wrong"] = "Wr" + Letters(10) + "7",
            ["username"] = Manifests.AdminUsername + Letters(5) + "#8Q",
            ["common"] = "Password123!",
            ["common-2"] = "Welcome2026!",
            ["special"] = "Sp\"\\&=+%/<>'" + Letters(4) + "9aZ",
        };
        var expectActive = new[] { "create", "common", "common-2", "special" };
        var expectFailed = new[] { "weak", "wrong", "username" };
        var (status, body) = await _api.CreateAsync("api/v1/namespaces", Manifests.Namespace(ns));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        foreach (var path in expectActive.Concat(expectFailed))
        {
            (status, body) = await _api.CreateAsync(KubeJson.Secrets(ns), Manifests.AdminSecret("secret-" + path, canaries[path]));
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
            (status, body) = await _api.CreateAsync(KubeJson.DbSystems(ns), Manifests.DbSystem("canary-" + path, "secret-" + path));
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        }

        await using var traces = await OtlpSink.StartAsync();
        var op = await StartOperatorAsync(environment: traces.Environment);
        try
        {
            await Converge.UntilAsync(
                () => DbSystemsInAsync([ns]),
                all => all.Count == expectActive.Length + expectFailed.Length
                    && all.All(d => expectActive.Contains(Name(d)[7..]) ? Manifests.LifecycleState(d) == "ACTIVE" : Manifests.ClearFailure(d) is not null),
                Converge.States,
                "the canary DbSystems to be ACTIVE (strong passwords) or Failed with a reason (refused ones)",
                _mode.ConvergeTimeout);

            // The endpoint Secret, altered by hand, is put back (its update path carries no password either).
            var endpoint = $"{KubeJson.Secrets(ns)}/canary-common";
            var original = (await _api.GetAsync(endpoint)).Body?["data"]?["PrivateIPAddress"]?.GetValue<string>();
            Assert.That(original, Is.Not.Null.And.Not.Empty, "the endpoint Secret of an ACTIVE DbSystem holds PrivateIPAddress");
            (status, body) = await _api.MergePatchAsync(endpoint, new JsonObject { ["data"] = new JsonObject { ["PrivateIPAddress"] = Convert.ToBase64String("192.0.2.1"u8.ToArray()) } });
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            await Converge.UntilAsync(
                () => _api.GetAsync(endpoint),
                r => r.Body?["data"]?["PrivateIPAddress"]?.GetValue<string>() == original,
                r => r.Body?["data"]?["PrivateIPAddress"]?.ToJsonString() ?? r.Status.ToString(),
                "the altered endpoint Secret to be repaired",
                _mode.ConvergeTimeout);

            // Rotation: a new strong password is applied; then a weak one is refused with a clear condition.
            var rotated = await _api.GetAsync($"{KubeJson.DbSystems(ns)}/canary-create");
            var uid = Manifests.Uid(rotated.Body!);
            (status, body) = await _api.MergePatchAsync($"{KubeJson.Secrets(ns)}/secret-create", new JsonObject { ["stringData"] = new JsonObject { ["password"] = canaries["rotation"] } });
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            await Converge.WaitAsync(
                () => LiveOciDbSystemsOf(uid) is [{ AdminPasswordChanges: >= 1 }],
                () => string.Join(", ", LiveOciDbSystemsOf(uid).Select(d => $"{d.LifecycleState} password changes {d.AdminPasswordChanges}")),
                "the rotated password to reach OCI",
                _mode.ConvergeTimeout);
            (status, body) = await _api.MergePatchAsync($"{KubeJson.Secrets(ns)}/secret-create", new JsonObject { ["stringData"] = new JsonObject { ["password"] = canaries["rotation-weak"] } });
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            await Converge.UntilAsync(
                () => _api.GetAsync($"{KubeJson.DbSystems(ns)}/canary-create"),
                r => r.Body is { } d && Manifests.ClearFailure(d) is not null,
                r => r.Body is { } d ? Converge.States([d.AsObject()]) : r.Status.ToString(),
                "a rotation to a weak password to be reported Failed",
                _mode.ConvergeTimeout);

            // The search itself works: the Secrets hold every canary (base64 in data).
            var secretsText = string.Join('\n', (await _api.ListAsync(KubeJson.Secrets(ns))).Select(s => s.ToJsonString()));
            var control = CanaryForms.Find(new Dictionary<string, string> { ["rotation-weak"] = canaries["rotation-weak"], ["weak"] = canaries["weak"] }, "Secrets", secretsText).ToList();
            Assert.That(control, Has.Some.Contains("base64 form of the rotation-weak").And.Some.Contains("base64 form of the weak"), "the canary search finds what the Secrets hold");

            var leaks = new List<string>();
            var dbSystemsText = string.Join('\n', (await DbSystemsInAsync([ns])).Select(d => d.ToJsonString()));
            leaks.AddRange(CanaryForms.Find(canaries, "DbSystems (spec, status, metadata)", dbSystemsText));
            leaks.AddRange(CanaryForms.Find(canaries, "the metrics", await op.ScrapeAsync()));
            (status, body) = await _api.DeleteAsync($"{KubeJson.DbSystems(ns)}");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            await Converge.UntilAsync(() => DbSystemsInAsync([ns]), all => all.Count == 0, Converge.States, "the canary DbSystems to be deleted", _mode.ConvergeTimeout);
            leaks.AddRange(CanaryForms.Find(canaries, "the operator's output", string.Join('\n', _operators.Select(o => o.AllOutput))));
            foreach (var events in new[] { "api/v1/events", "apis/events.k8s.io/v1/events" })
            {
                leaks.AddRange(CanaryForms.Find(canaries, events, string.Join('\n', (await _api.ListAsync(events)).Select(e => e.ToJsonString()))));
            }

            await Converge.WaitAsync(
                () => traces.Contains("traces", "reconcile ") && traces.Contains("traces", "OCI UpdateDbSystem"),
                () => $"{traces.Batches} batches",
                "reconcile and OCI-call spans (the rotation among them) exported",
                TimeSpan.FromSeconds(30));
            leaks.AddRange(CanaryForms.Find(canaries, "the exported traces", traces.Text("traces")));
            leaks.AddRange(CanaryForms.Find(canaries, "the exported metrics", traces.Text("metrics")));
            var ociCalls = string.Join('\n', _cluster.Oci.Calls.All.Select(c => $"{c.Operation} {c.Method} {c.Path} {c.ErrorCode}"));
            leaks.AddRange(CanaryForms.Find(canaries, "the OCI calls", ociCalls));
            _report.Add(CanaryPhase, "canaries x forms searched", $"{canaries.Count} x {canaries.Values.Sum(c => CanaryForms.Of(c).Count) / canaries.Count} avg");
            _report.Add(CanaryPhase, "operator output searched", $"{_operators.Sum(o => o.AllOutput.Length) / 1024} KiB");
            _report.Add(CanaryPhase, "OTLP batches searched", $"{traces.Batches} ({traces.Bytes / 1024} KiB)");
            Assert.That(leaks, Is.Empty, "no canary password anywhere but its Secret");
        }
        finally
        {
            await op.StopAsync();
            KeepOutput(op, CanaryPhase);
        }
    }

    private static string Name(JsonNode obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? "";
}
