using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OciOperator.Runtime.LeaderElection;

/// <summary>
/// Leader election on a <c>coordination.k8s.io/v1</c> Lease through KubernetesClient's <see cref="LeaderElector"/>
/// (which reads the wall clock itself; its durations come from <see cref="ControllerRuntimeOptions"/>). Errors
/// while campaigning (the API server unreachable, a 5xx) are retried every <c>RetryPeriod</c> with jitter, as
/// client-go's elector does; an error or a failed renewal while leading ends the term.
/// </summary>
public sealed partial class LeaseLeaderElection(IKubernetes client, ControllerRuntimeOptions options, TimeProvider? time = null, ILogger<LeaseLeaderElection>? logger = null, Random? random = null) : ILeaderElection
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<LeaseLeaderElection>.Instance;
    private readonly Random _random = random ?? new Random();

    public string Identity { get; } = options.LeaderElectionIdentity
        ?? $"{Environment.MachineName}_{Guid.NewGuid():N}";

    public async Task RunAsync(LeaderCallbacks callbacks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        while (!ct.IsCancellationRequested)
        {
            var led = false;
            var leaseLock = new LeaseLock(client, options.LeaderElectionNamespace, options.LeaderElectionId, Identity);
            using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
            {
                LeaseDuration = options.LeaseDuration,
                RenewDeadline = options.RenewDeadline,
                RetryPeriod = options.RetryPeriod,
            });
            elector.OnStartedLeading += () =>
            {
                led = true;
                callbacks.StartedLeading();
            };
            elector.OnStoppedLeading += callbacks.StoppedLeading;
            elector.OnNewLeader += callbacks.NewLeader;
            try
            {
                await elector.RunUntilLeadershipLostAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutdown: the manager stops its leader-only runnables itself.
                return;
            }
#pragma warning disable CA1031 // Campaign errors are retried, whatever the client threw (HTTP, timeouts, decoding).
            catch (Exception ex) when (!led && ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                var delay = options.RetryPeriod * (1 + (_random.NextDouble() * 0.2));
                LogCampaignFailed(_logger, options.LeaderElectionNamespace, options.LeaderElectionId, delay.TotalSeconds, ex);
                try
                {
                    await Task.Delay(delay, _time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 1600, Level = LogLevel.Warning, Message = "Could not acquire the lease {Namespace}/{Name}; retrying in {DelaySeconds}s")]
    private static partial void LogCampaignFailed(ILogger logger, string @namespace, string name, double delaySeconds, Exception exception);
}
