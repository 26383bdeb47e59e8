namespace OciOperator.ResourceGraph.Building;

/// <summary>The overall result of a build.</summary>
public enum GraphBuildOutcome
{
    /// <summary>The graph compiled; it can serve instances.</summary>
    Compiled,

    /// <summary>The RGD has errors (each with its resource id and path).</summary>
    Invalid,

    /// <summary>No errors, but some kinds' CRDs are not installed yet; build again when they appear (kro #1292).</summary>
    WaitingForCrds,
}
