using OciOperator.Runtime.Client;

namespace OciOperator.ResourceGraph.Definitions;

/// <summary>What ensuring the instance CRD gave: the <c>KindReady</c> condition, the stored CRD (when there is one) and whether it was written.</summary>
internal sealed record KindOutcome(RgdCondition Condition, UnstructuredObject? Crd, bool Written)
{
    /// <summary>The CRD did not exist and was created now.</summary>
    public bool Created { get; init; }

    public bool Ready => Condition.Status == RgdConditions.True;

    public bool Failed => Condition.Status == RgdConditions.False && Condition.Reason == RgdConditions.Reasons.Failed;
}
