namespace OciOperator.ResourceGraph.Api;

/// <summary>
/// <c>resources[].deletionPolicy</c> (kro v0.10, alpha): what happens to a child when kro no longer wants it — on
/// instance deletion, removal from the RGD, <c>includeWhen</c> turning false, or a <c>forEach</c> shrinking.
/// </summary>
public enum RgdDeletionPolicy
{
    /// <summary>Not set on the resource: the child is deleted (as <see cref="Delete"/>) and carries no policy annotation.</summary>
    Unset,

    /// <summary>Delete the child.</summary>
    Delete,

    /// <summary>Leave the child and release it: kro's labels, annotations and field ownership are removed.</summary>
    Orphaned,
}
