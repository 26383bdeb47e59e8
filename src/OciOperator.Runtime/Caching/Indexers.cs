using k8s;
using k8s.Models;

namespace OciOperator.Runtime.Caching;

/// <summary>Well-known index functions.</summary>
public static class Indexers
{
    /// <summary>Index name for <see cref="ByNamespace"/>.</summary>
    public const string Namespace = "namespace";

    /// <summary>Index name for <see cref="ByOwnerUid"/>.</summary>
    public const string OwnerUid = "owner-uid";

    /// <summary>Indexes objects by namespace.</summary>
    public static IEnumerable<string> ByNamespace(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return [obj.Metadata?.NamespaceProperty ?? string.Empty];
    }

    /// <summary>Indexes objects by the UIDs of their owners.</summary>
    public static IEnumerable<string> ByOwnerUid(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata?.OwnerReferences?.Select(o => o.Uid) ?? [];
    }
}
