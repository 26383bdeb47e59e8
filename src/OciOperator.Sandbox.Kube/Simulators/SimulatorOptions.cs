using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>Which workload simulators run, and how long the simulated work takes.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Jobs run for <see cref="JobDuration"/> and then succeed.</summary>
    public bool Jobs { get; init; } = true;

    /// <summary>
    /// Deployments get ReplicaSets and those get Pods, StatefulSets and DaemonSets get Pods (the workload
    /// controllers), and Pods start and become ready after <see cref="DeploymentRolloutDelay"/> on the Sandbox's
    /// Node (the kubelet, which registers <c>sandbox-node</c> when the cluster has no Node).
    /// </summary>
    public bool Deployments { get; init; } = true;

    /// <summary>Services of type LoadBalancer get an ingress IP after <see cref="LoadBalancerDelay"/>.</summary>
    public bool LoadBalancers { get; init; } = true;

    public TimeSpan JobDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a Pod takes from start to ready, and so how long a Deployment's rollout takes.</summary>
    public TimeSpan DeploymentRolloutDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan LoadBalancerDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>CIDR the load-balancer addresses come from (IPv4 or IPv6); only written to status, never bound.</summary>
    public string LoadBalancerAddressPool { get; init; } = "203.0.113.0/24";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Optional logging; nothing is logged when absent.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
