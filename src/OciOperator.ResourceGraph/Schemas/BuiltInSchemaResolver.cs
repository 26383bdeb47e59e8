using OciOperator.Schemas.BuiltIn;

namespace OciOperator.ResourceGraph.Schemas;

/// <summary>
/// Built-in kinds (Secret, Deployment, Job, Service, ...) from <see cref="BuiltInSchemas"/>, derived from KubernetesClient's
/// models, so they are known offline. Kinds of custom groups are left to CRD resolvers (<see cref="ResourceSchemaStatus.WaitingForCrd"/>).
/// </summary>
public sealed class BuiltInSchemaResolver : IResourceSchemaResolver
{
    /// <summary>The built-in kinds that are cluster-scoped (the models do not say; this is the API server's answer).</summary>
    private static readonly HashSet<(string Group, string Kind)> ClusterScoped =
    [
        ("", "Namespace"), ("", "Node"), ("", "PersistentVolume"), ("", "ComponentStatus"),
        ("rbac.authorization.k8s.io", "ClusterRole"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
        ("storage.k8s.io", "StorageClass"), ("storage.k8s.io", "CSIDriver"), ("storage.k8s.io", "CSINode"),
        ("storage.k8s.io", "VolumeAttachment"), ("storage.k8s.io", "VolumeAttributesClass"),
        ("scheduling.k8s.io", "PriorityClass"), ("node.k8s.io", "RuntimeClass"),
        ("networking.k8s.io", "IngressClass"), ("networking.k8s.io", "IPAddress"), ("networking.k8s.io", "ServiceCIDR"),
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"), ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"), ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
        ("admissionregistration.k8s.io", "MutatingAdmissionPolicy"), ("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"),
        ("apiextensions.k8s.io", "CustomResourceDefinition"), ("apiregistration.k8s.io", "APIService"),
        ("certificates.k8s.io", "CertificateSigningRequest"), ("certificates.k8s.io", "ClusterTrustBundle"),
        ("flowcontrol.apiserver.k8s.io", "FlowSchema"), ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"),
        ("resource.k8s.io", "DeviceClass"), ("resource.k8s.io", "ResourceSlice"),
        ("internal.apiserver.k8s.io", "StorageVersion"), ("storagemigration.k8s.io", "StorageVersionMigration"),
        ("authentication.k8s.io", "TokenReview"), ("authentication.k8s.io", "SelfSubjectReview"),
        ("authorization.k8s.io", "SubjectAccessReview"), ("authorization.k8s.io", "SelfSubjectAccessReview"),
        ("authorization.k8s.io", "SelfSubjectRulesReview"),
    ];

    public ResourceSchemaLookup Resolve(GroupVersionKind gvk)
    {
        if (BuiltInSchemas.TryGet(gvk.Group, gvk.Version, gvk.Kind, out var schema))
        {
            return ResourceSchemaLookup.Found(schema, !ClusterScoped.Contains((gvk.Group, gvk.Kind))) with { CacheKey = "builtin:" + gvk };
        }

        return BuiltInGroups.Contains(gvk.Group)
            ? ResourceSchemaLookup.NotFound($"no built-in kind {gvk.Kind} in {gvk.ApiVersion}")
            : ResourceSchemaLookup.Waiting($"waiting for CRD of kind {gvk.Kind} in group {gvk.Group} (not installed)");
    }
}
