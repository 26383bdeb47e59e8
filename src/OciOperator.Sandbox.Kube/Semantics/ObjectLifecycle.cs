using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>
/// Deletion and what follows it: finalizer-deferred deletion, removal when the last finalizer goes, and the
/// controllers that act on deletion — garbage collector (background, foreground, orphan), namespace controller and
/// CRD finalizer. Every method is called with the store lock held, so a request sees its effects at once.
/// </summary>
internal sealed partial class ObjectLifecycle(ObjectStore store, ResourceRegistry registry, KindStrategies strategies, TimeProvider time)
{
    private const int MaxGarbagePasses = 10_000;

    /// <summary>Runs one request's step under the store lock, then lets the garbage collector act on its result.</summary>
    public T Locked<T>(Func<T> step)
    {
        lock (store.Gate)
        {
            var result = step();
            CollectGarbage();
            return result;
        }
    }

    public string Now() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Deletes <paramref name="current"/>: adds the propagation finalizer, then either marks it (deletionTimestamp)
    /// when finalizers remain, or removes it. Returns the resulting object and whether it is gone.
    /// </summary>
    public (JsonObject Object, bool Removed) Delete(ObjectRef r, JsonObject current, DeletionPropagation policy, bool dryRun)
    {
        if (ObjectMeta.IsDeleting(current))
        {
            return (current, false);
        }

        var next = (JsonObject)current.DeepClone();
        var meta = ObjectMeta.EnsureMetadata(next);
        var finalizers = ObjectMeta.Finalizers(next).ToList();
        switch (policy)
        {
            case DeletionPropagation.Foreground when !finalizers.Contains(Finalizers.Foreground):
                finalizers.Add(Finalizers.Foreground);
                break;
            case DeletionPropagation.Orphan when !finalizers.Contains(Finalizers.Orphan):
                finalizers.Add(Finalizers.Orphan);
                break;
        }

        var isCrd = r.StorageKey == BuiltInResources.ApiExtensionsGroup + "/customresourcedefinitions";
        if (isCrd && !finalizers.Contains(CrdDescriptors.CleanupFinalizer))
        {
            finalizers.Add(CrdDescriptors.CleanupFinalizer);
        }

        var isNamespace = r.StorageKey == "/namespaces";
        var namespaceFinalizers = isNamespace ? ObjectMeta.Strings(next["spec"]?["finalizers"]) : [];
        if (finalizers.Count == 0 && namespaceFinalizers.Count == 0)
        {
            if (dryRun)
            {
                return (current, true);
            }

            return (Remove(r) ?? current, true);
        }

        meta["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode?)JsonValue.Create(f))]);
        meta["deletionTimestamp"] = Now();
        meta["deletionGracePeriodSeconds"] = 0;
        if (ObjectMeta.Int64(meta["generation"]) is > 0 and var generation)
        {
            meta["generation"] = generation + 1;
        }

        if (isNamespace)
        {
            ((JsonObject)(next["status"] ??= new JsonObject()))["phase"] = "Terminating";
        }

        if (isCrd)
        {
            CrdRules.SetStatus(next, [], Now());
        }

        if (dryRun)
        {
            return (next, false);
        }

        if (isCrd)
        {
            registry.ServeCrd(next);
        }

        return (store.Update(r.StorageKey, next), false);
    }

    /// <summary>Removes an object now, with the side effects of it going away. Returns its last state.</summary>
    public JsonObject? Remove(ObjectRef r)
    {
        var removed = store.Remove(r.StorageKey, r.Namespace, r.Name);
        if (removed is null)
        {
            return null;
        }

        if (registry.AnyForStorage(r.StorageKey) is { } d)
        {
            strategies.Released(d, removed);
        }

        if (r.StorageKey == BuiltInResources.ApiExtensionsGroup + "/customresourcedefinitions")
        {
            var storageKey = (removed["spec"]?["group"]?.ToString() ?? "") + "/" + (removed["spec"]?["names"]?["plural"]?.ToString() ?? "");
            registry.RemoveCrd(r.Name);
            store.CloseSubscriptions(storageKey);
        }

        return removed;
    }

    /// <summary>True when a deleting object has no finalizers left (so the write that emptied them removes it).</summary>
    public static bool IsFinalized(JsonObject obj) =>
        ObjectMeta.IsDeleting(obj) && ObjectMeta.Finalizers(obj).Count == 0
        && !(obj["kind"]?.ToString() == "Namespace" && ObjectMeta.Strings(obj["spec"]?["finalizers"]).Count > 0);
}
