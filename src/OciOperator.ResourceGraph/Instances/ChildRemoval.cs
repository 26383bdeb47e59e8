namespace OciOperator.ResourceGraph.Instances;

/// <summary>What removing a child kro no longer wants did (see <see cref="DeletionPolicies"/>).</summary>
public enum ChildRemoval
{
    /// <summary>A delete was issued (the object may still be terminating).</summary>
    Deleted,

    /// <summary>The child carries <c>Orphaned</c>: it stays, released from kro.</summary>
    Released,

    /// <summary>It was already gone.</summary>
    Gone,
}
