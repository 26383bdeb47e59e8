namespace OciOperator.ResourceGraph.Schemas;

/// <summary>The API groups served by every Kubernetes API server; their kinds never come from a CRD.</summary>
internal static class BuiltInGroups
{
    private static readonly HashSet<string> Groups =
    [
        string.Empty, "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io",
        "storage.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "node.k8s.io",
        "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "certificates.k8s.io",
        "events.k8s.io", "flowcontrol.apiserver.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
        "resource.k8s.io", "internal.apiserver.k8s.io", "storagemigration.k8s.io",
    ];

    public static bool Contains(string group) => Groups.Contains(group);
}
