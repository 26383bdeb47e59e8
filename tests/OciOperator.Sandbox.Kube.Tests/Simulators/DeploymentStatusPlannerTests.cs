using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

public sealed class DeploymentStatusPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    [Test]
    public void Plan_NewDeployment_ObservesGenerationThenBecomesReadyAfterDelay()
    {
        var planner = new DeploymentStatusPlanner(Delay);
        var deployment = Deployment(replicas: 3, generation: 1);

        var first = planner.Plan("ns/web", deployment, T0);
        Apply(deployment, first.StatusPatch!);
        var waiting = planner.Plan("ns/web", deployment, T0.AddMilliseconds(400));
        var done = planner.Plan("ns/web", deployment, T0.AddSeconds(1));
        Apply(deployment, done.StatusPatch!);
        var settled = planner.Plan("ns/web", deployment, T0.AddSeconds(2));

        Assert.That(first.StatusPatch!["observedGeneration"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(first.StatusPatch!["updatedReplicas"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(first.StatusPatch!["unavailableReplicas"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(first.RecheckAfter, Is.EqualTo(Delay));
        Assert.That(waiting, Is.EqualTo(SimulatorPlan.Recheck(TimeSpan.FromMilliseconds(600))));
        var status = deployment["status"]!;
        Assert.That(new[] { "replicas", "updatedReplicas", "readyReplicas", "availableReplicas" }.Select(f => status[f]!.GetValue<long>()), Is.All.EqualTo(3));
        Assert.That(status["unavailableReplicas"], Is.Null);
        Assert.That(Condition(status, "Available"), Is.EqualTo("True/MinimumReplicasAvailable"));
        Assert.That(Condition(status, "Progressing"), Is.EqualTo("True/NewReplicaSetAvailable"));
        Assert.That(settled, Is.EqualTo(SimulatorPlan.Settled));
        Assert.That(planner.Tracked, Is.Zero);
    }

    [Test]
    public void Plan_ScaledLater_ConvergesAgain()
    {
        var planner = new DeploymentStatusPlanner(Delay);
        var deployment = Deployment(replicas: 1, generation: 1);
        Converge(planner, deployment, T0);

        deployment["spec"]!["replicas"] = 4;
        deployment["metadata"]!["generation"] = 2;
        var scaled = planner.Plan("ns/web", deployment, T0.AddMinutes(1));
        Apply(deployment, scaled.StatusPatch!);

        Assert.That(deployment["status"]!["observedGeneration"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(deployment["status"]!["readyReplicas"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(Condition(deployment["status"]!, "Available"), Is.EqualTo("False/MinimumReplicasUnavailable"));
        Converge(planner, deployment, T0.AddMinutes(1));
        Assert.That(deployment["status"]!["availableReplicas"]!.GetValue<long>(), Is.EqualTo(4));
    }

    [Test]
    public void Plan_ScaledToZero_ReportsZeroAndAvailable()
    {
        var planner = new DeploymentStatusPlanner(Delay);
        var deployment = Deployment(replicas: 0, generation: 1);

        Converge(planner, deployment, T0);

        Assert.That(deployment["status"]!["replicas"]!.GetValue<long>(), Is.Zero);
        Assert.That(deployment["status"]!["readyReplicas"], Is.Null);
        Assert.That(Condition(deployment["status"]!, "Available"), Is.EqualTo("True/MinimumReplicasAvailable"));
    }

    [Test]
    public void Plan_Deleted_ForgetsRollout()
    {
        var planner = new DeploymentStatusPlanner(Delay);
        planner.Plan("ns/web", Deployment(replicas: 2, generation: 1), T0);

        planner.Plan("ns/web", null, T0);

        Assert.That(planner.Tracked, Is.Zero);
    }

    [Test]
    public void ReplicaSetName_SameTemplate_IsStableAndSafeEncoded()
    {
        var a = DeploymentStatusPlanner.ReplicaSetName(Deployment(1, 1));
        var b = DeploymentStatusPlanner.ReplicaSetName(Deployment(5, 3));

        Assert.That(a, Is.EqualTo(b));
        Assert.That(a, Does.Match("^web-[bcdfghjklmnpqrstvwxz2456789]+$"));
    }

    private static void Converge(DeploymentStatusPlanner planner, JsonObject deployment, DateTimeOffset now)
    {
        for (var i = 0; i < 10; i++)
        {
            var plan = planner.Plan("ns/web", deployment, now);
            if (plan.StatusPatch is not null)
            {
                Apply(deployment, plan.StatusPatch);
            }
            else if (plan.RecheckAfter is { } after)
            {
                now += after;
            }
            else
            {
                return;
            }
        }

        Assert.Fail("did not converge in 10 steps");
    }

    private static string Condition(JsonNode status, string type)
    {
        var c = status["conditions"]!.AsArray().Single(x => x!["type"]!.GetValue<string>() == type)!;
        return c["status"] + "/" + c["reason"];
    }

    /// <summary>What the server does with a merge patch of status (nulls delete).</summary>
    private static void Apply(JsonObject deployment, JsonObject patch)
    {
        var status = deployment["status"] as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                status.Remove(key);
            }
            else
            {
                status[key] = value.DeepClone();
            }
        }

        deployment["status"] = status.Parent is null ? status : status.DeepClone();
    }

    private static JsonObject Deployment(long replicas, long generation) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "ns", ["generation"] = generation },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["template"] = JsonNode.Parse("""{"spec":{"containers":[{"name":"c","image":"nginx"}]}}"""),
        },
    };
}
