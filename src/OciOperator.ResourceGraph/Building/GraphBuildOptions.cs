namespace OciOperator.ResourceGraph.Building;

/// <summary>Switches of the graph builder (kro's flags and feature gates that affect compilation).</summary>
public sealed record GraphBuildOptions
{
    /// <summary>kro's <c>CELOmitFunction</c> feature gate: <c>omit()</c> in template expressions.</summary>
    public bool EnableOmit { get; init; }

    /// <summary><c>--rgd-max-collection-dimension-size</c>: most forEach dimensions per resource.</summary>
    public int MaxForEachDimensions { get; init; } = 10;

    /// <summary>The operator's version, written in the instance CRD's <c>kro.run/kro-version</c> label.</summary>
    public string OperatorVersion { get; init; } = "0.0.0";
}
