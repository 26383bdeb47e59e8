using k8s;
using k8s.Models;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Builder;

/// <summary>Maps an owned object to its controlling owner of a given kind (controller-runtime's <c>EnqueueRequestForOwner</c>).</summary>
internal static class OwnerMapping
{
    public static Func<T, IEnumerable<ReconcileRequest>> ToOwner<T>(ResourceType ownerType, bool onlyController, bool includeType)
        where T : IKubernetesObject<V1ObjectMeta> =>
        obj => Map(obj, ownerType, onlyController, includeType);

    private static IEnumerable<ReconcileRequest> Map<T>(T obj, ResourceType ownerType, bool onlyController, bool includeType)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        foreach (var owner in obj.Metadata?.OwnerReferences ?? [])
        {
            if (owner.Kind != ownerType.Kind || GroupOf(owner.ApiVersion) != ownerType.Group || (onlyController && owner.Controller != true))
            {
                continue;
            }

            // Owners of namespaced objects live in the same namespace; cluster-scoped owners have none.
            var ns = ownerType.Namespaced ? obj.Metadata?.NamespaceProperty : null;
            yield return new ReconcileRequest(ns, owner.Name, includeType ? ownerType : null);
        }
    }

    private static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : apiVersion[..slash];
    }
}
