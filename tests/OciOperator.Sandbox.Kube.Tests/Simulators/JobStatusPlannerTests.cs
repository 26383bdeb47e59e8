using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

public sealed class JobStatusPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly JobStatusPlanner _planner = new(TimeSpan.FromSeconds(2));

    [Test]
    public void Plan_NewJob_StartsItAndRechecksAfterDuration()
    {
        var plan = _planner.Plan("ns/j", Job("""{"spec":{}}"""), T0);

        Assert.That(plan.StatusPatch!.ToJsonString(), Is.EqualTo("""{"startTime":"2025-01-01T12:00:00Z","active":1,"ready":0}"""));
        Assert.That(plan.RecheckAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void Plan_RunningJobBeforeDuration_OnlyRechecksForTheRest()
    {
        var plan = _planner.Plan("ns/j", Job("""{"status":{"startTime":"2025-01-01T12:00:00Z","active":1}}"""), T0.AddMilliseconds(500));

        Assert.That(plan.StatusPatch, Is.Null);
        Assert.That(plan.RecheckAfter, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
    }

    [Test]
    public void Plan_RunningJobAfterDuration_CompletesWithConditions()
    {
        var plan = _planner.Plan("ns/j", Job("""{"spec":{"completions":3},"status":{"startTime":"2025-01-01T12:00:00Z","active":1}}"""), T0.AddSeconds(2));

        var status = plan.StatusPatch!;
        Assert.That(status.ContainsKey("active") && status["active"] is null, Is.True, "active is removed by the merge patch");
        Assert.That(status["succeeded"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(status["completionTime"]!.GetValue<string>(), Is.EqualTo("2025-01-01T12:00:02Z"));
        var conditions = status["conditions"]!.AsArray().Select(c => c!["type"] + "=" + c["status"]);
        Assert.That(conditions, Is.EqualTo(new[] { "SuccessCriteriaMet=True", "Complete=True" }));
        Assert.That(plan.RecheckAfter, Is.Null);
    }

    [TestCase("""{"spec":{"suspend":true}}""")]
    [TestCase("""{"status":{"startTime":"2025-01-01T11:00:00Z","conditions":[{"type":"Complete","status":"True"}]}}""")]
    [TestCase("""{"status":{"startTime":"2025-01-01T11:00:00Z","conditions":[{"type":"Failed","status":"True"}]}}""")]
    public void Plan_SuspendedOrFinished_IsSettled(string job) =>
        Assert.That(_planner.Plan("ns/j", Job(job), T0), Is.EqualTo(SimulatorPlan.Settled));

    [Test]
    public void Plan_Deleted_IsSettled() => Assert.That(_planner.Plan("ns/j", null, T0), Is.EqualTo(SimulatorPlan.Settled));

    private static JsonObject Job(string json)
    {
        var job = JsonNode.Parse(json)!.AsObject();
        job["metadata"] = new JsonObject { ["name"] = "j", ["namespace"] = "ns" };
        return job;
    }
}
