using System.Collections.Frozen;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>
/// The strategy of each built-in kind that has one (what each registry strategy does in the apiserver). Custom
/// resources and kinds without a strategy pass unchanged. Called with the store lock held.
/// </summary>
internal sealed class KindStrategies
{
    private readonly FrozenDictionary<(string Group, string Kind), IKindStrategy> _byKind;

    public KindStrategies(ClusterAddressAllocator allocator)
    {
        _byKind = new Dictionary<(string Group, string Kind), IKindStrategy>
        {
            [("", "Namespace")] = new NamespaceStrategy(),
            [("", "Secret")] = new SecretStrategy(),
            [("", "ConfigMap")] = new ConfigMapStrategy(),
            [("", "Service")] = new ServiceStrategy(allocator),
            [("", "Pod")] = new PodStrategy(),
            [("apps", "Deployment")] = new DeploymentStrategy(),
            [("apps", "ReplicaSet")] = new ReplicaSetStrategy(),
            [("apps", "StatefulSet")] = new StatefulSetStrategy(),
            [("apps", "DaemonSet")] = new DaemonSetStrategy(),
            [("batch", "Job")] = new JobStrategy(),
            [("batch", "CronJob")] = new CronJobStrategy(),
            [("", "Event")] = new CoreEventStrategy(),
            [(BuiltInResources.EventsGroup, "Event")] = new EventsV1EventStrategy(),
            [(BuiltInResources.ApiExtensionsGroup, "CustomResourceDefinition")] = new CustomResourceDefinitionStrategy(),
        }.ToFrozenDictionary();
    }

    public void PrepareForCreate(ResourceDescriptor d, JsonObject obj, List<FieldError> errors) => For(d)?.PrepareForCreate(obj, errors);

    public void PrepareForUpdate(ResourceDescriptor d, JsonObject obj, JsonObject old, List<FieldError> errors) => For(d)?.PrepareForUpdate(obj, old, errors);

    /// <summary>Gives back what a dry-run write's preparation allocated (Service addresses).</summary>
    public void DryRunDiscarded(ResourceDescriptor d, JsonObject result, JsonObject? current) => For(d)?.DryRunDiscarded(result, current);

    /// <summary>Frees what a deleted object held (Service addresses).</summary>
    public void Released(ResourceDescriptor d, JsonObject obj) => For(d)?.Released(obj);

    private IKindStrategy? For(ResourceDescriptor d) => d.IsCustom ? null : _byKind.GetValueOrDefault((d.Group, d.Kind));
}
