namespace OciOperator.ResourceGraph.Rendering;

/// <summary>How far a resource could be rendered without a cluster.</summary>
public enum RenderState
{
    /// <summary>Every field resolved.</summary>
    Rendered,

    /// <summary>Some fields wait on values only a cluster has (status of other resources, external objects).</summary>
    Pending,

    /// <summary>includeWhen is false (or a dependency is excluded): the resource would not be created.</summary>
    Excluded,

    /// <summary>An expression failed for another reason than missing data.</summary>
    Error,
}
