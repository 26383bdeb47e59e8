namespace OciOperator.Demo;

/// <summary>
/// What one watched object says right now, reduced to what the demo shows: its phase, a short state a person reads
/// (<c>CREATING</c>, <c>succeeded</c>, <c>available 1/1</c>, <c>LoadBalancer IP 203.0.113.7</c>) and, when it fails or
/// waits for a reason, the object's own message.
/// </summary>
/// <param name="Kind">The kind, e.g. <c>DbSystem</c>.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Phase">Where it is.</param>
/// <param name="State">The short state; empty when being there says it all (a Secret exists).</param>
/// <param name="Message">The object's condition message, when it has one worth showing.</param>
internal sealed record DemoSnapshot(string Kind, string Name, DemoPhase Phase, string State = "", string? Message = null)
{
    /// <summary>The snapshot of an object that was deleted.</summary>
    public static DemoSnapshot Gone(string kind, string name) => new(kind, name, DemoPhase.Deleted, "deleted");
}
