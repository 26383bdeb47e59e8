using k8s;
using k8s.Models;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Client;

/// <summary>
/// The Kubernetes API boundary the runtime uses: list/watch for caches, and the write verbs. One implementation
/// speaks HTTP (<see cref="KubeApiClient"/>); tests may fake it.
/// </summary>
public interface IKubeApi
{
    /// <summary>Lists every object (following <c>continue</c>) and returns the list's resourceVersion.</summary>
    Task<ResourceList<T>> ListAsync<T>(ResourceType type, ListOptions options, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Watches from <see cref="WatchOptions.ResourceVersion"/>; the sequence ends when the server closes the stream.</summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(ResourceType type, WatchOptions options, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Reads one object; null when it does not exist.</summary>
    Task<T?> GetAsync<T>(ResourceType type, string? @namespace, string name, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    Task<T> CreateAsync<T>(ResourceType type, T obj, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>PUT with the object's resourceVersion (optimistic concurrency); <paramref name="status"/> targets <c>/status</c>.</summary>
    Task<T> ReplaceAsync<T>(ResourceType type, T obj, bool status, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    Task<T> PatchAsync<T>(ResourceType type, string? @namespace, string name, PatchKind kind, string body, bool status, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>
    /// Server-side apply (<c>application/apply-patch+yaml</c>) of <paramref name="obj"/>, which holds only the fields
    /// the caller owns; creates the object when absent. A <c>metadata.resourceVersion</c> in it makes the apply
    /// conditional. Returns the stored object.
    /// </summary>
    Task<T> ApplyAsync<T>(ResourceType type, T obj, ApplyOptions options, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Deletes an object with background propagation; false when it was already gone.</summary>
    Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, CancellationToken ct);

    /// <summary>
    /// Deletes an object with a propagation policy and preconditions; false when it was already gone. A failed
    /// precondition (another UID or resourceVersion) throws a <see cref="KubeApiException"/> with 409 Conflict.
    /// </summary>
    Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, DeleteOptions options, CancellationToken ct);

    /// <summary>The resources the API server serves for <paramref name="groupVersion"/> (<c>v1</c>, <c>apps/v1</c>); null when it serves none.</summary>
    Task<V1APIResourceList?> GetApiResourcesAsync(string groupVersion, CancellationToken ct);

    /// <summary>The API group <paramref name="group"/> (its versions, the preferred one first); null when it is not served. Not for the core group.</summary>
    Task<V1APIGroup?> GetApiGroupAsync(string group, CancellationToken ct);
}
