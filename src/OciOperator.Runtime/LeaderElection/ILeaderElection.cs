namespace OciOperator.Runtime.LeaderElection;

/// <summary>The leader-election boundary: campaign for a lock and report transitions.</summary>
public interface ILeaderElection
{
    /// <summary>This process's identity in the lock.</summary>
    string Identity { get; }

    /// <summary>
    /// Campaigns until leading, then renews until the lease is lost (or <paramref name="ct"/> fires), calling
    /// <paramref name="callbacks"/> on each transition. Returns when leadership is lost or on cancellation.
    /// </summary>
    Task RunAsync(LeaderCallbacks callbacks, CancellationToken ct);
}
