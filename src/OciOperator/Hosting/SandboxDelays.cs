namespace OciOperator.Hosting;

/// <summary>
/// How long the Sandbox's simulated work takes: the OCI emulator's DbSystem CREATING phase and the workload
/// simulators' Job run, Deployment rollout and LoadBalancer provisioning. Null keeps the component's own default.
/// </summary>
internal sealed record SandboxDelays
{
    /// <summary>The defaults of <c>sandbox --demo</c>: every phase visible for a few seconds, WordPress up in about 15.</summary>
    public static SandboxDelays Demo { get; } = new()
    {
        DbSystemCreate = TimeSpan.FromSeconds(5),
        JobRun = TimeSpan.FromSeconds(3),
        DeploymentRollout = TimeSpan.FromSeconds(2),
        LoadBalancer = TimeSpan.FromSeconds(2),
    };

    /// <summary>A DbSystem stays CREATING this long in the OCI emulator.</summary>
    public TimeSpan? DbSystemCreate { get; init; }

    /// <summary>A Job runs this long before it succeeds.</summary>
    public TimeSpan? JobRun { get; init; }

    /// <summary>A Deployment becomes available this long after it changes.</summary>
    public TimeSpan? DeploymentRollout { get; init; }

    /// <summary>A LoadBalancer Service gets its address this long after it is created.</summary>
    public TimeSpan? LoadBalancer { get; init; }

    /// <summary>The shortest DbSystem poll interval the Sandbox uses.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest DbSystem poll interval the Sandbox uses (the controller's own default, 10 s, is for OCI).</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The DbSystem controller's first poll interval that fits the emulator's CREATING phase: a quarter of it, between
    /// <see cref="MinPollInterval"/> and <see cref="MaxPollInterval"/>, so a short <c>--dbsystem-create-delay</c> is
    /// not followed by a second of waiting for the next poll (polling the local emulator costs nothing; against OCI the
    /// controller keeps its polite default).
    /// </summary>
    public TimeSpan DbSystemPollInterval()
    {
        var poll = (DbSystemCreate ?? new Sandbox.Oci.OciEmulatorOptions().CreateDelay) / 4;
        return poll < MinPollInterval ? MinPollInterval : poll > MaxPollInterval ? MaxPollInterval : poll;
    }

    /// <summary>These delays, with <paramref name="fallback"/>'s where these have none.</summary>
    public SandboxDelays Or(SandboxDelays fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new()
        {
            DbSystemCreate = DbSystemCreate ?? fallback.DbSystemCreate,
            JobRun = JobRun ?? fallback.JobRun,
            DeploymentRollout = DeploymentRollout ?? fallback.DeploymentRollout,
            LoadBalancer = LoadBalancer ?? fallback.LoadBalancer,
        };
    }
}
