namespace OciOperator.Hosting;

/// <summary>How the local Sandbox is started by <c>oci-operator sandbox</c>.</summary>
internal sealed record LocalSandboxOptions
{
    /// <summary>Port of the Kubernetes API server on 127.0.0.1; 0 picks a free port.</summary>
    public int ApiPort { get; init; }

    /// <summary>Port of the OCI emulator on 127.0.0.1; 0 picks a free port.</summary>
    public int OciPort { get; init; }

    /// <summary>Whether Jobs, Deployments and LoadBalancer Services are driven to their ready states.</summary>
    public bool Simulators { get; init; } = true;

    /// <summary>How long simulated work takes; null entries keep the emulator's and simulators' defaults.</summary>
    public SandboxDelays Delays { get; init; } = new();
}
