namespace OciOperator.ResourceGraph.Definitions;

/// <summary>Where serving an RGD's kind stands.</summary>
public enum ServeState
{
    /// <summary>No controller runs for the RGD.</summary>
    Stopped,

    /// <summary>The controller runs and its informers have not listed yet.</summary>
    Syncing,

    /// <summary>The controller runs and its informers synced: instances are reconciled.</summary>
    Serving,
}
