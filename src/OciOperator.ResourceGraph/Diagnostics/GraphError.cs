namespace OciOperator.ResourceGraph.Diagnostics;

/// <summary>
/// One problem found while building a graph: which resource (null for the RGD's schema), where inside it, and the
/// message. Messages contain kro's text for the same case (kro.md A.4) so users can search for it; ours may say more.
/// </summary>
public sealed record GraphError(GraphErrorGroup Group, string? ResourceId, string Path, string Message)
{
    /// <summary>The error as one line: <c>resource "id" at path: message</c>.</summary>
    public override string ToString()
    {
        var where = (ResourceId, Path) switch
        {
            (null, "") => string.Empty,
            (null, _) => $"at {Path}: ",
            (_, "") => $"resource \"{ResourceId}\": ",
            _ => $"resource \"{ResourceId}\" at {Path}: ",
        };
        return where + Message;
    }
}
