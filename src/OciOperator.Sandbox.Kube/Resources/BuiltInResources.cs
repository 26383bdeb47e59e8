using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Selectors;

namespace OciOperator.Sandbox.Kube.Resources;

/// <summary>The built-in kinds the Sandbox serves, with their discovery data and strategies.</summary>
internal static partial class BuiltInResources
{
    public const string ApiExtensionsGroup = "apiextensions.k8s.io";

    /// <summary>events.k8s.io: its Events are stored as core/v1 Events and converted on read and write.</summary>
    public const string EventsGroup = "events.k8s.io";

    public static IReadOnlyList<ResourceDescriptor> All { get; } = [.. Core(), .. Workloads(), .. Networking(), .. Policy(), .. Rbac(), .. Reviews()];

    private static ResourceDescriptor[] Core() =>
    [
        new()
        {
            Group = "", Version = "v1", Plural = "namespaces", Singular = "namespace", Kind = "Namespace", Namespaced = false,
            ShortNames = ["ns"], HasStatus = true, NameRule = NameRule.Label,
            Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"],
            FieldLabels = BuiltInFieldLabels.Namespace,
        },
        new()
        {
            Group = "", Version = "v1", Plural = "nodes", Singular = "node", Kind = "Node", Namespaced = false,
            ShortNames = ["no"], HasStatus = true,
        },
        new()
        {
            Group = "", Version = "v1", Plural = "secrets", Singular = "secret", Kind = "Secret", Namespaced = true,
            FieldLabels = BuiltInFieldLabels.Secret,
        },
        new() { Group = "", Version = "v1", Plural = "configmaps", Singular = "configmap", Kind = "ConfigMap", Namespaced = true, ShortNames = ["cm"] },
        new()
        {
            Group = "", Version = "v1", Plural = "services", Singular = "service", Kind = "Service", Namespaced = true,
            ShortNames = ["svc"], Categories = ["all"], HasStatus = true, NameRule = NameRule.Dns1035Label, ReturnDeletedObject = true,
            Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
            FieldLabels = BuiltInFieldLabels.Service,
        },
        new()
        {
            Group = "", Version = "v1", Plural = "serviceaccounts", Singular = "serviceaccount", Kind = "ServiceAccount", Namespaced = true,
            ShortNames = ["sa"], ReturnDeletedObject = true,
        },
        new()
        {
            Group = "", Version = "v1", Plural = "pods", Singular = "pod", Kind = "Pod", Namespaced = true, ShortNames = ["po"],
            Categories = ["all"], HasStatus = true, ReturnDeletedObject = true,
            FieldLabels = BuiltInFieldLabels.Pod,
        },
        new()
        {
            Group = "", Version = "v1", Plural = "persistentvolumeclaims", Singular = "persistentvolumeclaim", Kind = "PersistentVolumeClaim",
            Namespaced = true, ShortNames = ["pvc"], HasStatus = true,
        },
        new()
        {
            Group = "", Version = "v1", Plural = "events", Singular = "event", Kind = "Event", Namespaced = true, ShortNames = ["ev"],
            AllowCreateOnUpdate = true,
            FieldLabels = BuiltInFieldLabels.CoreEvent,
        },
        new()
        {
            Group = EventsGroup, Version = "v1", Plural = "events", Singular = "event", Kind = "Event", Namespaced = true,
            ShortNames = ["ev"], AllowCreateOnUpdate = true, FieldLabels = BuiltInFieldLabels.EventsV1Event, SharedStorageKey = "/events",
        },
        new()
        {
            Group = "apps", Version = "v1", Plural = "deployments", Singular = "deployment", Kind = "Deployment", Namespaced = true,
            ShortNames = ["deploy"], Categories = ["all"], HasStatus = true, Generation = GenerationPolicy.SpecOrAnnotations,
            Scale = ScalePaths.Workload,
        },
        new()
        {
            Group = "batch", Version = "v1", Plural = "jobs", Singular = "job", Kind = "Job", Namespaced = true,
            Categories = ["all"], HasStatus = true, Generation = GenerationPolicy.Spec, FieldLabels = BuiltInFieldLabels.Job,
        },
        new()
        {
            Group = "coordination.k8s.io", Version = "v1", Plural = "leases", Singular = "lease", Kind = "Lease", Namespaced = true,
            AllowUnconditionalUpdate = false, AllowCreateOnUpdate = true,
        },
        new()
        {
            Group = ApiExtensionsGroup, Version = "v1", Plural = "customresourcedefinitions", Singular = "customresourcedefinition",
            Kind = "CustomResourceDefinition", Namespaced = false, ShortNames = ["crd", "crds"], Categories = ["api-extensions"],
            HasStatus = true, Generation = GenerationPolicy.Spec,
        },
    ];
}
