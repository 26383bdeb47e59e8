using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>What a simulator wants for one object now: a merge patch for <c>/status</c> and/or a later look.</summary>
/// <param name="StatusPatch">The <c>status</c> merge patch body (the value under <c>status</c>), or null for none.</param>
/// <param name="RecheckAfter">Look at the object again after this long, or null when it is settled.</param>
internal sealed record SimulatorPlan(JsonObject? StatusPatch, TimeSpan? RecheckAfter)
{
    public static SimulatorPlan Settled { get; } = new(null, null);

    public static SimulatorPlan Patch(JsonObject status, TimeSpan? recheckAfter = null) => new(status, recheckAfter);

    public static SimulatorPlan Recheck(TimeSpan after) => new(null, after < TimeSpan.Zero ? TimeSpan.Zero : after);
}
