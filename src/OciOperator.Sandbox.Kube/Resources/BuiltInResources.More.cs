namespace OciOperator.Sandbox.Kube.Resources;

/// <summary>The workload, networking, policy, RBAC and review kinds.</summary>
internal static partial class BuiltInResources
{
    public const string RbacGroup = "rbac.authorization.k8s.io";

    public const string AuthorizationGroup = "authorization.k8s.io";

    private static ResourceDescriptor[] Workloads() =>
    [
        new()
        {
            Group = "apps", Version = "v1", Plural = "statefulsets", Singular = "statefulset", Kind = "StatefulSet", Namespaced = true,
            ShortNames = ["sts"], Categories = ["all"], HasStatus = true, Generation = GenerationPolicy.Spec, Scale = ScalePaths.Workload,
        },
        new()
        {
            Group = "apps", Version = "v1", Plural = "daemonsets", Singular = "daemonset", Kind = "DaemonSet", Namespaced = true,
            ShortNames = ["ds"], Categories = ["all"], HasStatus = true, Generation = GenerationPolicy.Spec,
        },
        new()
        {
            Group = "apps", Version = "v1", Plural = "replicasets", Singular = "replicaset", Kind = "ReplicaSet", Namespaced = true,
            ShortNames = ["rs"], Categories = ["all"], HasStatus = true, Generation = GenerationPolicy.Spec, Scale = ScalePaths.Workload,
        },
        new()
        {
            Group = "apps", Version = "v1", Plural = "controllerrevisions", Singular = "controllerrevision", Kind = "ControllerRevision",
            Namespaced = true,
        },
        new()
        {
            Group = "batch", Version = "v1", Plural = "cronjobs", Singular = "cronjob", Kind = "CronJob", Namespaced = true,
            ShortNames = ["cj"], Categories = ["all"], HasStatus = true, Generation = GenerationPolicy.Spec,
        },
        new()
        {
            Group = "autoscaling", Version = "v2", Plural = "horizontalpodautoscalers", Singular = "horizontalpodautoscaler",
            Kind = "HorizontalPodAutoscaler", Namespaced = true, ShortNames = ["hpa"], Categories = ["all"], HasStatus = true,
            Generation = GenerationPolicy.Spec,
        },
        new()
        {
            // Same storage as autoscaling/v2 (the storage key has no version); converted on every read and write.
            Group = "autoscaling", Version = "v1", Plural = "horizontalpodautoscalers", Singular = "horizontalpodautoscaler",
            Kind = "HorizontalPodAutoscaler", Namespaced = true, ShortNames = ["hpa"], Categories = ["all"], HasStatus = true,
            Generation = GenerationPolicy.Spec,
        },
    ];

    private static ResourceDescriptor[] Networking() =>
    [
        new()
        {
            Group = "networking.k8s.io", Version = "v1", Plural = "ingresses", Singular = "ingress", Kind = "Ingress", Namespaced = true,
            ShortNames = ["ing"], HasStatus = true, Generation = GenerationPolicy.Spec,
        },
        new()
        {
            Group = "networking.k8s.io", Version = "v1", Plural = "ingressclasses", Singular = "ingressclass", Kind = "IngressClass",
            Namespaced = false, Generation = GenerationPolicy.Spec,
        },
        new()
        {
            Group = "networking.k8s.io", Version = "v1", Plural = "networkpolicies", Singular = "networkpolicy", Kind = "NetworkPolicy",
            Namespaced = true, ShortNames = ["netpol"], Generation = GenerationPolicy.Spec,
        },
    ];

    private static ResourceDescriptor[] Policy() =>
    [
        new()
        {
            Group = "policy", Version = "v1", Plural = "poddisruptionbudgets", Singular = "poddisruptionbudget", Kind = "PodDisruptionBudget",
            Namespaced = true, ShortNames = ["pdb"], HasStatus = true, Generation = GenerationPolicy.Spec,
        },
    ];

    private static ResourceDescriptor[] Rbac() =>
    [
        new() { Group = RbacGroup, Version = "v1", Plural = "roles", Singular = "role", Kind = "Role", Namespaced = true },
        new() { Group = RbacGroup, Version = "v1", Plural = "clusterroles", Singular = "clusterrole", Kind = "ClusterRole", Namespaced = false },
        new() { Group = RbacGroup, Version = "v1", Plural = "rolebindings", Singular = "rolebinding", Kind = "RoleBinding", Namespaced = true },
        new()
        {
            Group = RbacGroup, Version = "v1", Plural = "clusterrolebindings", Singular = "clusterrolebinding", Kind = "ClusterRoleBinding",
            Namespaced = false,
        },
    ];

    private static ResourceDescriptor[] Reviews() =>
    [
        new()
        {
            Group = AuthorizationGroup, Version = "v1", Plural = "selfsubjectaccessreviews", Singular = "selfsubjectaccessreview",
            Kind = "SelfSubjectAccessReview", Namespaced = false, Verbs = ["create"], IsReview = true,
        },
        new()
        {
            Group = AuthorizationGroup, Version = "v1", Plural = "selfsubjectrulesreviews", Singular = "selfsubjectrulesreview",
            Kind = "SelfSubjectRulesReview", Namespaced = false, Verbs = ["create"], IsReview = true,
        },
    ];
}
