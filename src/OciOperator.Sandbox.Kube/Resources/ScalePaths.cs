namespace OciOperator.Sandbox.Kube.Resources;

/// <summary>
/// Where a scalable kind keeps what its <c>/scale</c> subresource (autoscaling/v1 Scale) shows: the desired and
/// observed replicas, and the label selector (a selector object for built-ins, a serialised string for CRDs).
/// </summary>
/// <param name="SpecReplicasPath">JSON path of the desired replicas, e.g. <c>.spec.replicas</c>.</param>
/// <param name="StatusReplicasPath">JSON path of the observed replicas, e.g. <c>.status.replicas</c>.</param>
/// <param name="LabelSelectorPath">JSON path of the selector; null when the kind has none.</param>
/// <param name="SelectorIsObject">True when the path holds a LabelSelector object (built-ins), false for a string.</param>
internal sealed record ScalePaths(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath, bool SelectorIsObject)
{
    /// <summary>Deployments, StatefulSets and ReplicaSets.</summary>
    public static ScalePaths Workload { get; } = new(".spec.replicas", ".status.replicas", ".spec.selector", SelectorIsObject: true);
}
