using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// The CronJob controller on <see cref="TimeProvider"/>: at each scheduled time (in <c>spec.timeZone</c>, UTC by
/// default) it creates the Job <c>&lt;cronjob&gt;-&lt;minutes since the epoch&gt;</c> from <c>jobTemplate</c>, owned by
/// the CronJob and annotated with its scheduled time, honouring <c>suspend</c>, <c>startingDeadlineSeconds</c> and
/// <c>concurrencyPolicy</c> (Allow, Forbid, Replace); status <c>active</c>, <c>lastScheduleTime</c>,
/// <c>lastSuccessfulTime</c>; finished Jobs beyond the history limits are deleted. Wakes at the next scheduled time.
/// </summary>
internal sealed class CronJobReconciler(
    KubeRestClient client,
    ResourceInformer cronJobs,
    ResourceInformer jobs,
    TimeProvider time) : IWorkloadReconciler
{
    public const string ScheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    public string Name => "cronjobs";

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        if (cronJobs.Get(key) is not { } cj || cj["metadata"]?["deletionTimestamp"] is not null)
        {
            return null;
        }

        var (ns, name) = ObjectKeys.Split(key);
        var spec = cj["spec"];
        var now = time.GetUtcNow();
        if (CronSchedule.TryParse(ObjectKeys.Text(spec?["schedule"]) ?? "", out _) is not { } schedule || Zone(ObjectKeys.Text(spec?["timeZone"])) is not { } zone)
        {
            return null;
        }

        var owned = ControllerRefs.Owned(jobs.Items, ns, cj);
        var active = owned.Where(j => !Finished(j)).ToList();
        var lastScheduled = KubeTime.Parse(ObjectKeys.Text(cj["status"]?["lastScheduleTime"]))
                            ?? KubeTime.Parse(ObjectKeys.Text(cj["metadata"]?["creationTimestamp"])) ?? now;
        DateTimeOffset? due = null;
        for (var (t, n) = (schedule.Next(lastScheduled, zone), 0); t is { } at && at <= now && n < 100_000; t = schedule.Next(at, zone), n++)
        {
            due = at;
        }

        string? newLastSchedule = null;
        if (due is { } scheduled && !ObjectKeys.Flag(spec?["suspend"]) && WithinDeadline(spec, scheduled, now))
        {
            var policy = ObjectKeys.Text(spec?["concurrencyPolicy"]) ?? "Allow";
            if (policy != "Forbid" || active.Count == 0)
            {
                if (policy == "Replace")
                {
                    foreach (var job in active)
                    {
                        await DeleteJobAsync(ns, job, ct).ConfigureAwait(false);
                    }

                    active.Clear();
                }

                var created = await client.CreateAsync($"/apis/batch/v1/namespaces/{Uri.EscapeDataString(ns)}/jobs", NewJob(cj, ns, name, scheduled), ct).ConfigureAwait(false);
                jobs.Update(created);
                active.Add(created);
                newLastSchedule = KubeTime.Format(scheduled);
            }
        }

        await TrimHistoryAsync(cj, ns, owned, ct).ConfigureAwait(false);
        await WriteStatusAsync(cj, ns, name, active, owned, newLastSchedule, ct).ConfigureAwait(false);
        return schedule.Next(now, zone) is { } next ? next - now : null;
    }

    private static TimeZoneInfo? Zone(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null;
    }

    private static bool WithinDeadline(JsonNode? spec, DateTimeOffset scheduled, DateTimeOffset now) =>
        ObjectKeys.Integer(spec?["startingDeadlineSeconds"]) is not { } seconds || now - scheduled <= TimeSpan.FromSeconds(seconds);

    private static bool Finished(JsonNode job) =>
        StatusConditions.IsTrue(job["status"]?["conditions"], "Complete") || StatusConditions.IsTrue(job["status"]?["conditions"], "Failed");

    private static JsonObject NewJob(JsonObject cj, string ns, string name, DateTimeOffset scheduled)
    {
        var template = cj["spec"]?["jobTemplate"];
        var metadata = new JsonObject
        {
            ["name"] = name + "-" + (scheduled.ToUnixTimeSeconds() / 60).ToString(CultureInfo.InvariantCulture),
            ["namespace"] = ns,
            ["labels"] = template?["metadata"]?["labels"]?.DeepClone(),
            ["annotations"] = template?["metadata"]?["annotations"]?.DeepClone() ?? new JsonObject(),
            ["ownerReferences"] = new JsonArray(ControllerRefs.To(cj, "batch/v1", "CronJob")),
        };
        ((JsonObject)metadata["annotations"]!)[ScheduledTimestampAnnotation] = scheduled.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (metadata["labels"] is null)
        {
            metadata.Remove("labels");
        }

        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = metadata,
            ["spec"] = template?["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }

    private async Task DeleteJobAsync(string ns, JsonObject job, CancellationToken ct)
    {
        var jobName = ObjectKeys.Text(job["metadata"]?["name"])!;
        await client.DeleteAsync($"/apis/batch/v1/namespaces/{Uri.EscapeDataString(ns)}/jobs/{Uri.EscapeDataString(jobName)}", ct).ConfigureAwait(false);
        jobs.Deleted(job);
    }

    /// <summary>Keeps the newest <c>successfulJobsHistoryLimit</c> (3) succeeded and <c>failedJobsHistoryLimit</c> (1) failed Jobs.</summary>
    private async Task TrimHistoryAsync(JsonObject cj, string ns, List<JsonObject> owned, CancellationToken ct)
    {
        foreach (var (condition, field, fallback) in new[] { ("Complete", "successfulJobsHistoryLimit", 3L), ("Failed", "failedJobsHistoryLimit", 1L) })
        {
            var limit = ObjectKeys.Integer(cj["spec"]?[field]) ?? fallback;
            var finished = owned.Where(j => StatusConditions.IsTrue(j["status"]?["conditions"], condition))
                .OrderByDescending(j => ObjectKeys.Text(j["metadata"]?["creationTimestamp"]), StringComparer.Ordinal)
                .Skip((int)Math.Max(0, limit));
            foreach (var job in finished.ToList())
            {
                await DeleteJobAsync(ns, job, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteStatusAsync(JsonObject cj, string ns, string name, List<JsonObject> active, List<JsonObject> owned, string? lastSchedule, CancellationToken ct)
    {
        var refs = new JsonArray();
        foreach (var job in active.OrderBy(j => ObjectKeys.Text(j["metadata"]?["name"]), StringComparer.Ordinal))
        {
            refs.Add(new JsonObject
            {
                ["kind"] = "Job",
                ["namespace"] = ns,
                ["name"] = ObjectKeys.Text(job["metadata"]?["name"]),
                ["uid"] = ObjectKeys.Text(job["metadata"]?["uid"]),
                ["apiVersion"] = "batch/v1",
                ["resourceVersion"] = ObjectKeys.Text(job["metadata"]?["resourceVersion"]),
            });
        }

        var lastSuccess = owned.Where(j => StatusConditions.IsTrue(j["status"]?["conditions"], "Complete"))
            .Select(j => ObjectKeys.Text(j["status"]?["completionTime"])).Where(t => t is not null).Max(StringComparer.Ordinal);
        var status = new JsonObject
        {
            ["active"] = refs.Count == 0 ? null : refs,
            ["lastScheduleTime"] = lastSchedule ?? ObjectKeys.Text(cj["status"]?["lastScheduleTime"]),
            ["lastSuccessfulTime"] = lastSuccess ?? ObjectKeys.Text(cj["status"]?["lastSuccessfulTime"]),
        };
        var current = cj["status"];
        var same = JsonEquality.Equal(current?["lastScheduleTime"], status["lastScheduleTime"])
                   && JsonEquality.Equal(current?["lastSuccessfulTime"], status["lastSuccessfulTime"])
                   && Names(current?["active"]).SequenceEqual(Names(status["active"]));
        if (same)
        {
            return;
        }

        var path = $"/apis/batch/v1/namespaces/{Uri.EscapeDataString(ns)}/cronjobs/{Uri.EscapeDataString(name)}/status";
        if (await client.PatchStatusAsync(path, status, ct).ConfigureAwait(false) is { } written)
        {
            cronJobs.Update(written);
        }
    }

    private static IEnumerable<string?> Names(JsonNode? refs) => (refs as JsonArray)?.Select(r => ObjectKeys.Text(r?["name"])) ?? [];
}
