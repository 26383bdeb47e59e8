namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary><c>spec.resources[].deletionPolicy</c>: what happens to a child kro no longer wants.</summary>
public enum RgdCrdDeletionPolicy
{
    /// <summary>Delete the child (the default).</summary>
    Delete,

    /// <summary>Leave the child in the cluster, released from kro (labels, annotations and field ownership removed).</summary>
    Orphaned,
}
