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
