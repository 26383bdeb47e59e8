using System.ComponentModel.DataAnnotations;

namespace OciOperator.Runtime;

/// <summary>
/// Manager settings, bound from configuration (section <see cref="SectionName"/>). Addresses follow
/// controller-runtime: <c>:8080</c> means every interface, <c>host:port</c> one address, <c>0</c> disables.
/// </summary>
public sealed class ControllerRuntimeOptions
{
    public const string SectionName = "ControllerRuntime";

    /// <summary><c>--metrics-bind-address</c>; <c>0</c> disables the metrics endpoint.</summary>
    [Required]
    public string MetricsBindAddress { get; set; } = ":8080";

    /// <summary><c>--health-probe-bind-address</c>; <c>0</c> disables <c>/healthz</c> and <c>/readyz</c>.</summary>
    [Required]
    public string HealthProbeBindAddress { get; set; } = ":8081";

    /// <summary>Run leader-only controllers only while holding the lease.</summary>
    public bool LeaderElection { get; set; }

    /// <summary>The Lease name.</summary>
    [Required]
    public string LeaderElectionId { get; set; } = "oci-operator-leader";

    /// <summary>The Lease namespace.</summary>
    [Required]
    public string LeaderElectionNamespace { get; set; } = "default";

    /// <summary>This process's identity in the Lease; defaults to host name plus a random suffix.</summary>
    public string? LeaderElectionIdentity { get; set; }

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Client-side requests per second toward the API server.</summary>
    [Range(0.001, 100000)]
    public double Qps { get; set; } = 20;

    /// <summary>Client-side burst toward the API server.</summary>
    [Range(1, 100000)]
    public int Burst { get; set; } = 30;

    /// <summary>Default maximum concurrent reconciles per controller.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentReconciles { get; set; } = 1;

    /// <summary>
    /// How long in-flight reconciles may run on after shutdown began (no new work starts); after it their token is
    /// cancelled. The host's own shutdown timeout must be longer.
    /// </summary>
    public TimeSpan GracefulShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the manager waits at start for its caches to sync (controller-runtime's <c>CacheSyncTimeout</c>);
    /// when it passes, the manager fails, so a process that cannot read the cluster ends instead of idling.
    /// </summary>
    public TimeSpan CacheSyncTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
