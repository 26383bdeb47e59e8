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

    /// <summary>Deletes an object; false when it was already gone.</summary>
    Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, CancellationToken ct);
}
