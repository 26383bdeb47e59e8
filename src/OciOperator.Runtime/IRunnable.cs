namespace OciOperator.Runtime;

/// <summary>Something the manager runs until stopped (controller-runtime's <c>Runnable</c> + <c>LeaderElectionRunnable</c>).</summary>
public interface IRunnable
{
    /// <summary>Whether it may run only while this process leads.</summary>
    bool NeedLeaderElection { get; }

    /// <summary>Runs until <paramref name="ct"/> fires.</summary>
    Task RunAsync(CancellationToken ct);
}
