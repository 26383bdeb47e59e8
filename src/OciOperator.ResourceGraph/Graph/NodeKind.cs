namespace OciOperator.ResourceGraph.Graph;

/// <summary>How a node gets its object.</summary>
public enum NodeKind
{
    /// <summary>The engine applies the template.</summary>
    Template,

    /// <summary>The engine reads an existing object by name.</summary>
    ExternalRef,

    /// <summary>The engine reads the objects matching a label selector (a list).</summary>
    ExternalRefSelector,
}
