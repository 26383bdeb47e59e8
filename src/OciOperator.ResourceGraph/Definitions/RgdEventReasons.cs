namespace OciOperator.ResourceGraph.Definitions;

/// <summary>The reasons of the Events the RGD controller records on an RGD.</summary>
public static class RgdEventReasons
{
    /// <summary>Warning: the graph does not build (the message lists every error).</summary>
    public const string InvalidResourceGraph = "InvalidResourceGraph";

    /// <summary>Warning: the graph waits for CRDs that are not installed.</summary>
    public const string WaitingForCrd = "WaitingForCRD";

    /// <summary>Warning: the instance CRD cannot be written (owned elsewhere, breaking change refused, rejected).</summary>
    public const string KindFailed = "KindFailed";

    /// <summary>Normal: the RGD became Active (its kind is served).</summary>
    public const string Active = "Active";

    /// <summary>Normal: an existing graph was replaced by a new one for the same kind.</summary>
    public const string GraphUpdated = "GraphUpdated";
}
