namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>The kinds the Sandbox and the graph engine need (issues 13 and 14), each with its plural.</summary>
internal static class BuiltInKindCases
{
    public static IReadOnlyList<(string Group, string Version, string Kind, string? Plural)> Required { get; } =
    [
        ("", "v1", "Secret", "secrets"), ("", "v1", "ConfigMap", "configmaps"), ("", "v1", "Service", "services"),
        ("", "v1", "ServiceAccount", "serviceaccounts"), ("", "v1", "Pod", "pods"),
        ("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims"), ("", "v1", "Namespace", "namespaces"),
        ("", "v1", "Endpoints", "endpoints"), ("", "v1", "Event", "events"),
        ("apps", "v1", "Deployment", "deployments"), ("apps", "v1", "StatefulSet", "statefulsets"),
        ("apps", "v1", "DaemonSet", "daemonsets"), ("apps", "v1", "ReplicaSet", "replicasets"),
        ("batch", "v1", "Job", "jobs"), ("batch", "v1", "CronJob", "cronjobs"),
        ("networking.k8s.io", "v1", "Ingress", "ingresses"), ("networking.k8s.io", "v1", "IngressClass", "ingressclasses"),
        ("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies"),
        ("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers"), ("autoscaling", "v1", "Scale", null),
        ("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers"),
        ("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets"),
        ("rbac.authorization.k8s.io", "v1", "Role", "roles"), ("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles"),
        ("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings"),
        ("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings"),
        ("coordination.k8s.io", "v1", "Lease", "leases"),
        ("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions"),
    ];

    public static IEnumerable<TestCaseData> RequiredCases() =>
        Required.Select(k => new TestCaseData(k.Group, k.Version, k.Kind, k.Plural).SetArgDisplayNames($"{k.Group}/{k.Version}/{k.Kind}"));
}
