namespace OciOperator.Runtime.Caching;

/// <summary>Where an informer's list/watch loop is; only <see cref="Synced"/> counts as ready.</summary>
public enum InformerState
{
    /// <summary>Not listed successfully yet.</summary>
    Starting,

    /// <summary>Listed, and watching (or relisting after an expired watch).</summary>
    Synced,

    /// <summary>The last list or watch failed; it backs off and lists again. The cache may be stale.</summary>
    Failing,

    /// <summary>The loop ended: stopped on request, or (a defect) by an exception it could not handle.</summary>
    Stopped,
}
