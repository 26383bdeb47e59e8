namespace OciOperator.ResourceGraph.Instances;

/// <summary>The reasons of the Events the engine records on instances.</summary>
public static class EventReasons
{
    /// <summary>The instance's state changed (IN_PROGRESS, ACTIVE, DELETING).</summary>
    public const string StateChanged = "StateChanged";

    /// <summary>The instance is in ERROR (a Warning); the message says why.</summary>
    public const string Failed = "ReconcileFailed";
}
