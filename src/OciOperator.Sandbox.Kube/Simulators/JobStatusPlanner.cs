using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>
/// What the Job controller and kubelet would make of a Job: on first sight it starts (<c>startTime</c>,
/// <c>active</c>); after <see cref="SimulatorOptions.JobDuration"/> it completes (<c>succeeded</c> =
/// <c>spec.completions</c> or 1, <c>completionTime</c>, conditions <c>SuccessCriteriaMet</c> and <c>Complete</c>).
/// Suspended and finished Jobs are left alone. Stateless: everything is derived from the object.
/// </summary>
internal sealed class JobStatusPlanner(TimeSpan duration)
{
    public SimulatorPlan Plan(string key, JsonObject? job, DateTimeOffset now)
    {
        if (job is null)
        {
            return SimulatorPlan.Settled;
        }

        var status = job["status"] as JsonObject;
        var conditions = status?["conditions"];
        if (StatusConditions.IsTrue(conditions, "Complete") || StatusConditions.IsTrue(conditions, "Failed")
            || ObjectKeys.Flag(job["spec"]?["suspend"]))
        {
            return SimulatorPlan.Settled;
        }

        var completions = Math.Max(1, ObjectKeys.Integer(job["spec"]?["completions"]) ?? 1);
        var parallelism = Math.Max(1, ObjectKeys.Integer(job["spec"]?["parallelism"]) ?? 1);
        var started = KubeTime.Parse(ObjectKeys.Text(status?["startTime"]));
        if (started is null)
        {
            return SimulatorPlan.Patch(
                new JsonObject
                {
                    ["startTime"] = KubeTime.Format(now),
                    ["active"] = Math.Min(parallelism, completions),
                    ["ready"] = 0,
                },
                duration);
        }

        var due = started.Value + duration;
        if (now < due)
        {
            return SimulatorPlan.Recheck(due - now);
        }

        var done = StatusConditions.With(conditions, "SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods", now, "lastProbeTime");
        done = StatusConditions.With(done, "Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods", now, "lastProbeTime");
        return SimulatorPlan.Patch(new JsonObject
        {
            ["active"] = null,
            ["ready"] = 0,
            ["succeeded"] = completions,
            ["completionTime"] = KubeTime.Format(now),
            ["conditions"] = done,
        });
    }
}
