using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Client;

/// <summary>
/// Adds and removes finalizers with a merge patch that carries the object's resourceVersion (an optimistic lock, as
/// controller-runtime's <c>MergeFromWithOptimisticLock</c>); on 409 the object is re-read and the change re-applied.
/// Other finalizers are never lost.
/// </summary>
public sealed class Finalizers(IKubeApi api, int maxAttempts = 10, StaleReadGuard? guard = null)
{
    /// <summary>Ensures <paramref name="finalizer"/> is present; returns the stored object.</summary>
    public Task<T> AddAsync<T>(ResourceType type, T obj, string finalizer, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        ChangeAsync(type, obj, list => list.Contains(finalizer) ? null : [.. list, finalizer], ct);

    /// <summary>Ensures <paramref name="finalizer"/> is absent; returns the stored object (null if it is gone).</summary>
    public Task<T> RemoveAsync<T>(ResourceType type, T obj, string finalizer, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        ChangeAsync(type, obj, list => list.Contains(finalizer) ? [.. list.Where(f => f != finalizer)] : null, ct);

    /// <summary>True when <paramref name="obj"/> carries <paramref name="finalizer"/>.</summary>
    public static bool Has(IKubernetesObject<V1ObjectMeta> obj, string finalizer) =>
        obj?.Metadata?.Finalizers?.Contains(finalizer) == true;

    private async Task<T> ChangeAsync<T>(ResourceType type, T obj, Func<IList<string>, IList<string>?> change, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        var latest = obj;
        for (var attempt = 1; ; attempt++)
        {
            var desired = change(latest.Metadata.Finalizers ?? []);
            if (desired is null)
            {
                return latest;
            }

            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["resourceVersion"] = latest.Metadata.ResourceVersion,
                    ["finalizers"] = new JsonArray([.. desired.Select(f => (JsonNode?)JsonValue.Create(f))]),
                },
            };
            try
            {
                var written = await api.PatchAsync<T>(type, latest.Metadata.NamespaceProperty, latest.Metadata.Name, PatchKind.Merge, patch.ToJsonString(JsonSerializerOptions.Default), status: false, ct).ConfigureAwait(false);
                guard?.Wrote(latest.Metadata.NamespaceProperty, latest.Metadata.Name, latest.Metadata.ResourceVersion, written.Metadata?.ResourceVersion);
                return written;
            }
            catch (KubeApiException ex) when (ex.IsConflict && attempt < maxAttempts)
            {
                latest = await api.GetAsync<T>(type, obj.Metadata.NamespaceProperty, obj.Metadata.Name, ct).ConfigureAwait(false)
                    ?? throw new KubeApiException(System.Net.HttpStatusCode.NotFound, null, $"{type} {obj.Metadata.NamespaceProperty}/{obj.Metadata.Name} is gone");
            }
        }
    }
}
