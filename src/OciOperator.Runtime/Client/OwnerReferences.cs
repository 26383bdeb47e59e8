using k8s;
using k8s.Models;

namespace OciOperator.Runtime.Client;

/// <summary>Owner-reference helpers (controller-runtime's <c>SetControllerReference</c> / <c>SetOwnerReference</c>).</summary>
public static class OwnerReferences
{
    /// <summary>
    /// Makes <paramref name="owner"/> the controller of <paramref name="child"/> (<c>controller</c> and
    /// <c>blockOwnerDeletion</c> true). Throws if another object already controls the child.
    /// </summary>
    public static void SetController(IKubernetesObject<V1ObjectMeta> child, IKubernetesObject<V1ObjectMeta> owner)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(owner);
        var refs = child.Metadata.OwnerReferences ??= [];
        var other = refs.FirstOrDefault(r => r.Controller == true && r.Uid != owner.Metadata.Uid);
        if (other is not null)
        {
            throw new InvalidOperationException($"{child.Kind} {child.Metadata.Name} is already controlled by {other.Kind} {other.Name}");
        }

        Upsert(refs, new V1OwnerReference { ApiVersion = owner.ApiVersion, Kind = owner.Kind, Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, BlockOwnerDeletion = true, Controller = true });
    }

    /// <summary>Adds a non-controlling owner reference (or refreshes an existing one for the same owner).</summary>
    public static void SetOwner(IKubernetesObject<V1ObjectMeta> child, IKubernetesObject<V1ObjectMeta> owner)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(owner);
        Upsert(child.Metadata.OwnerReferences ??= [], new V1OwnerReference { ApiVersion = owner.ApiVersion, Kind = owner.Kind, Name = owner.Metadata.Name, Uid = owner.Metadata.Uid });
    }

    /// <summary>True when <paramref name="owner"/> is listed as an owner of <paramref name="child"/>.</summary>
    public static bool IsOwnedBy(IKubernetesObject<V1ObjectMeta> child, IKubernetesObject<V1ObjectMeta> owner) =>
        child?.Metadata?.OwnerReferences?.Any(r => r.Uid == owner?.Metadata?.Uid) == true;

    private static void Upsert(IList<V1OwnerReference> refs, V1OwnerReference reference)
    {
        for (var i = 0; i < refs.Count; i++)
        {
            if (refs[i].Uid == reference.Uid)
            {
                refs[i] = reference;
                return;
            }
        }

        refs.Add(reference);
    }
}
