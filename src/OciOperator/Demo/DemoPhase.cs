namespace OciOperator.Demo;

/// <summary>Where a resource of the walkthrough is, as a person watching the demo reads it.</summary>
internal enum DemoPhase
{
    /// <summary>It exists; nothing more to say yet.</summary>
    Created,

    /// <summary>Its controller works on it (a DbSystem CREATING, a Job running, an instance IN_PROGRESS).</summary>
    Progressing,

    /// <summary>It reached what the graph waits for (ACTIVE, succeeded, available, an IP).</summary>
    Ready,

    /// <summary>It reports a failure; the message says why.</summary>
    Failed,

    /// <summary>It is gone.</summary>
    Deleted,
}
