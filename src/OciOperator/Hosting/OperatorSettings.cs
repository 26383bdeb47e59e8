namespace OciOperator.Hosting;

/// <summary>The operator's command-line settings, shared by <c>run</c> and <c>sandbox</c>.</summary>
internal sealed record OperatorSettings
{
    public string MetricsBindAddress { get; init; } = ":8080";

    public string HealthProbeBindAddress { get; init; } = ":8081";

    public bool LeaderElect { get; init; }

    public string LeaderElectionNamespace { get; init; } = "default";

    public double Qps { get; init; } = 20;

    public int Burst { get; init; } = 30;

    public int MaxConcurrentReconciles { get; init; } = 1;

    /// <summary>The configuration keys of the runtime's <c>ControllerRuntime</c> section these settings fill.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration()
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        yield return new("ControllerRuntime:MetricsBindAddress", MetricsBindAddress);
        yield return new("ControllerRuntime:HealthProbeBindAddress", HealthProbeBindAddress);
        yield return new("ControllerRuntime:LeaderElection", LeaderElect ? "true" : "false");
        yield return new("ControllerRuntime:LeaderElectionNamespace", LeaderElectionNamespace);
        yield return new("ControllerRuntime:Qps", Qps.ToString(invariant));
        yield return new("ControllerRuntime:Burst", Burst.ToString(invariant));
        yield return new("ControllerRuntime:MaxConcurrentReconciles", MaxConcurrentReconciles.ToString(invariant));
    }
}
