using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Workloads;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

/// <summary>The arithmetic of a Deployment's RollingUpdate.</summary>
public sealed class RollingUpdateMathTests
{
    [TestCase(null, null, 4, 1, 1)]
    [TestCase(null, null, 10, 3, 2)]
    [TestCase("50%", "0", 3, 2, 0)]
    [TestCase("0", "0", 3, 0, 1)]
    [TestCase("2", "1", 10, 2, 1)]
    public void Resolve_Strategy_SurgeRoundsUpUnavailableDown(string? surge, string? unavailable, long desired, long expectedSurge, long expectedUnavailable)
    {
        var rolling = new JsonObject();
        if (surge is not null)
        {
            rolling["maxSurge"] = surge.EndsWith('%') ? JsonValue.Create(surge) : JsonValue.Create(long.Parse(surge, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (unavailable is not null)
        {
            rolling["maxUnavailable"] = unavailable.EndsWith('%') ? JsonValue.Create(unavailable) : JsonValue.Create(long.Parse(unavailable, System.Globalization.CultureInfo.InvariantCulture));
        }

        var spec = new JsonObject { ["strategy"] = new JsonObject { ["rollingUpdate"] = rolling } };

        Assert.That(RollingUpdateMath.Resolve(spec, desired), Is.EqualTo((expectedSurge, expectedUnavailable)));
    }

    [TestCase(3, 1, 0, 3, 1)]
    [TestCase(3, 1, 1, 4, 1)]
    [TestCase(3, 1, 0, 0, 3)]
    [TestCase(3, 1, 5, 5, 3)]
    public void NewReplicaSetReplicas_WithinSurge(long desired, long surge, long current, long all, long expected) =>
        Assert.That(RollingUpdateMath.NewReplicaSetReplicas(desired, surge, current, all), Is.EqualTo(expected));

    [TestCase(4, 1, 5, 4, 2)]
    [TestCase(4, 0, 4, 4, 0)]
    [TestCase(4, 1, 2, 4, 0)]
    public void OldScaleDown_KeepsMinimumAvailable(long desired, long maxUnavailable, long available, long old, long expected) =>
        Assert.That(RollingUpdateMath.OldScaleDown(desired, maxUnavailable, available, old), Is.EqualTo(expected));
}
