using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

namespace OciOperator.Runtime.LeaderElection;

/// <summary>
/// Leader election on a <c>coordination.k8s.io/v1</c> Lease through KubernetesClient's <see cref="LeaderElector"/>
/// (which reads the wall clock itself; its durations come from <see cref="ControllerRuntimeOptions"/>).
/// </summary>
public sealed class LeaseLeaderElection(IKubernetes client, ControllerRuntimeOptions options) : ILeaderElection
{
    public string Identity { get; } = options.LeaderElectionIdentity
        ?? $"{Environment.MachineName}_{Guid.NewGuid():N}";

    public async Task RunAsync(LeaderCallbacks callbacks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        var leaseLock = new LeaseLock(client, options.LeaderElectionNamespace, options.LeaderElectionId, Identity);
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        });
        elector.OnStartedLeading += callbacks.StartedLeading;
        elector.OnStoppedLeading += callbacks.StoppedLeading;
        elector.OnNewLeader += callbacks.NewLeader;
        try
        {
            await elector.RunUntilLeadershipLostAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown: the manager stops its leader-only runnables itself.
        }
    }
}
