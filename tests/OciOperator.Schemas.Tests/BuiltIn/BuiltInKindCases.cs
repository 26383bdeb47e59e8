namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>The kinds the Sandbox and the graph engine need (issues 13 and 14), each with its plural and scope.</summary>
internal static class BuiltInKindCases
{
    public static IReadOnlyList<(string Group, string Version, string Kind, string? Plural, bool Namespaced)> Required { get; } =
    [
        ("", "v1", "Secret", "secrets", true), ("", "v1", "ConfigMap", "configmaps", true), ("", "v1", "Service", "services", true),
        ("", "v1", "ServiceAccount", "serviceaccounts", true), ("", "v1", "Pod", "pods", true),
        ("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true), ("", "v1", "Namespace", "namespaces", false),
        ("", "v1", "Endpoints", "endpoints", true), ("", "v1", "Event", "events", true),
        ("apps", "v1", "Deployment", "deployments", true), ("apps", "v1", "StatefulSet", "statefulsets", true),
        ("apps", "v1", "DaemonSet", "daemonsets", true), ("apps", "v1", "ReplicaSet", "replicasets", true),
        ("batch", "v1", "Job", "jobs", true), ("batch", "v1", "CronJob", "cronjobs", true),
        ("networking.k8s.io", "v1", "Ingress", "ingresses", true), ("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false),
        ("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true),
        ("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true), ("autoscaling", "v1", "Scale", null, true),
        ("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
        ("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
        ("rbac.authorization.k8s.io", "v1", "Role", "roles", true), ("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
        ("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
        ("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
        ("coordination.k8s.io", "v1", "Lease", "leases", true),
        ("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false),
    ];

    public static IEnumerable<TestCaseData> RequiredCases() =>
        Required.Select(k => new TestCaseData(k.Group, k.Version, k.Kind, k.Plural, k.Namespaced).SetArgDisplayNames($"{k.Group}/{k.Version}/{k.Kind}"));
}
