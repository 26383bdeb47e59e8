namespace OciOperator.ResourceGraph.Definitions;

/// <summary>One desired condition of an RGD (its lastTransitionTime and observedGeneration are filled when written).</summary>
public sealed record RgdCondition(string Type, string Status, string Reason, string Message)
{
    public static RgdCondition True(string type, string reason, string message) => new(type, RgdConditions.True, reason, message);

    public static RgdCondition False(string type, string reason, string message) => new(type, RgdConditions.False, reason, message);

    public static RgdCondition Unknown(string type, string reason, string message) => new(type, RgdConditions.Unknown, reason, message);
}
