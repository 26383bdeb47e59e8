using OciOperator.ResourceGraph.Definitions;

namespace OciOperator.Demo;

/// <summary>The <c>status.state</c> values and reasons of kro's objects that the demo reacts to (kro.md §1, §6).</summary>
internal static class DemoStates
{
    public const string RgdActive = RgdConditions.StateActive;
    public const string RgdInactive = RgdConditions.StateInactive;
    public const string InstanceActive = "ACTIVE";
    public const string InstanceError = "ERROR";

    /// <summary>
    /// The reasons an RGD gives while it is Inactive only for a moment (its CRD not yet Established, its controller's
    /// informers syncing, a referenced CRD not there yet): progress, not a failure.
    /// </summary>
    public static readonly IReadOnlySet<string> RgdWaitingReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        RgdConditions.Reasons.WaitingForCrd,
        RgdConditions.Reasons.NotEstablished,
        RgdConditions.Reasons.WaitingForCacheSync,
        RgdConditions.Reasons.AwaitingReconciliation,
    };
}
