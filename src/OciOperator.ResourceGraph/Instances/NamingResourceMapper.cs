using OciOperator.ResourceGraph.Crd;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// Maps a kind to its REST resource by the Kubernetes naming convention (lower-case kind, English plural), as the
/// instance CRD is named. Stands in until the runtime's discovery REST mapper is available to the engine.
/// </summary>
public static class NamingResourceMapper
{
    public static ResourceType Map(GroupVersionKind gvk, bool namespaced) =>
        new(gvk.Group, gvk.Version, gvk.Kind, EnglishPluralizer.Pluralize(gvk.Kind.ToLowerInvariant()), namespaced);
}
