using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>The garbage collector, namespace controller and CRD finalizer, run to a fixed point after each write.</summary>
internal sealed partial class ObjectLifecycle
{
    public void CollectGarbage()
    {
        for (var pass = 0; pass < MaxGarbagePasses && store.HasPendingGarbage; pass++)
        {
            var before = store.CurrentResourceVersion;
            foreach (var r in store.TakeOwnerChecks())
            {
                CheckOwners(r);
            }

            foreach (var r in store.DeletingObjects())
            {
                Finalize(r);
            }

            if (store.CurrentResourceVersion == before)
            {
                return;
            }
        }
    }

    /// <summary>Deletes an object all of whose owners are gone (background propagation).</summary>
    private bool CheckOwners(ObjectRef r)
    {
        if (store.Get(r) is not { } obj || ObjectMeta.IsDeleting(obj))
        {
            return false;
        }

        var owners = ObjectMeta.OwnerUids(obj);
        if (owners.Count == 0 || owners.Any(store.UidExists))
        {
            return false;
        }

        Delete(r, obj, DeletionPropagation.Background, dryRun: false);
        return true;
    }

    private bool Finalize(ObjectRef r)
    {
        if (store.Get(r) is not { } obj)
        {
            return false;
        }

        var finalizers = ObjectMeta.Finalizers(obj).ToList();
        var uid = ObjectMeta.UidOf(obj);
        var changed = false;
        if (finalizers.Contains(Finalizers.Orphan))
        {
            foreach (var dependent in store.DependentsOf(uid))
            {
                if (store.Get(dependent) is { } d)
                {
                    var copy = (JsonObject)d.DeepClone();
                    var refs = (JsonArray)copy["metadata"]!["ownerReferences"]!;
                    foreach (var item in refs.OfType<JsonObject>().Where(o => o["uid"]?.ToString() == uid).ToList())
                    {
                        refs.Remove(item);
                    }

                    store.Update(dependent.StorageKey, copy);
                }
            }

            finalizers.Remove(Finalizers.Orphan);
            changed = true;
        }

        if (finalizers.Contains(Finalizers.Foreground))
        {
            var remaining = 0;
            foreach (var dependent in store.DependentsOf(uid))
            {
                if (store.Get(dependent) is { } d)
                {
                    remaining++;
                    Delete(dependent, d, DeletionPropagation.Foreground, dryRun: false);
                }
            }

            if (remaining == 0 || store.DependentsOf(uid).Count == 0)
            {
                finalizers.Remove(Finalizers.Foreground);
                changed = true;
            }
        }

        if (finalizers.Contains(Resources.CrdDescriptors.CleanupFinalizer))
        {
            var storageKey = (obj["spec"]?["group"]?.ToString() ?? "") + "/" + (obj["spec"]?["names"]?["plural"]?.ToString() ?? "");
            foreach (var cr in store.List(storageKey, null))
            {
                var crRef = new ObjectRef(storageKey, ObjectMeta.NamespaceOf(cr), ObjectMeta.NameOf(cr));
                Delete(crRef, cr, DeletionPropagation.Background, dryRun: false);
            }

            if (store.Count(storageKey) == 0)
            {
                finalizers.Remove(Resources.CrdDescriptors.CleanupFinalizer);
                changed = true;
            }
        }

        var namespaceDone = false;
        if (r.StorageKey == "/namespaces" && ObjectMeta.Strings(obj["spec"]?["finalizers"]).Contains(Finalizers.Kubernetes))
        {
            namespaceDone = EmptyNamespace(r.Name);
        }

        if (!changed && !namespaceDone)
        {
            return false;
        }

        var next = (JsonObject)(store.Get(r) ?? obj).DeepClone();
        next["metadata"]!["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode?)JsonValue.Create(f))]);
        if (namespaceDone)
        {
            next["spec"]!["finalizers"] = new JsonArray();
        }

        if (IsFinalized(next))
        {
            Remove(r);
        }
        else
        {
            store.Update(r.StorageKey, next);
        }

        return true;
    }

    /// <summary>Deletes everything in a terminating namespace; true once it holds nothing.</summary>
    private bool EmptyNamespace(string ns)
    {
        var remaining = 0;
        foreach (var d in registry.All.Where(d => d.Namespaced).DistinctBy(d => d.StorageKey))
        {
            foreach (var obj in store.List(d.StorageKey, ns))
            {
                remaining++;
                Delete(new ObjectRef(d.StorageKey, ns, ObjectMeta.NameOf(obj)), obj, DeletionPropagation.Background, dryRun: false);
            }
        }

        if (remaining == 0)
        {
            return true;
        }

        return registry.All.Where(d => d.Namespaced).DistinctBy(d => d.StorageKey).All(d => store.List(d.StorageKey, ns).Count == 0);
    }
}
