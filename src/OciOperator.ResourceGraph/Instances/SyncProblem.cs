namespace OciOperator.ResourceGraph.Instances;

/// <summary>Why applying a node's objects did not go through this time.</summary>
internal enum SyncProblemKind
{
    /// <summary>A real error the user has to fix (the API server rejected the object, it belongs to another ApplySet).</summary>
    Error,

    /// <summary>The object is being deleted; the instance waits for it to go before re-creating it.</summary>
    Deleting,

    /// <summary>The API server failed transiently (conflict, throttling, unavailable); retried soon.</summary>
    Transient,
}

/// <summary>A problem of one node's sync, with a message naming the object.</summary>
internal sealed record SyncProblem(SyncProblemKind Kind, string Message);
