using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Client;

/// <summary>
/// Writes status through the <c>/status</c> subresource: applies a mutation to a copy, skips the write when the
/// status did not change (so our own write does not wake us again), and on a 409 conflict re-reads the object and
/// applies the mutation again.
/// </summary>
public sealed class StatusWriter(IKubeApi api, int maxAttempts = 10, StaleReadGuard? guard = null)
{
    /// <summary>
    /// Mutates the status of <paramref name="current"/> and writes it. Returns the stored object (or
    /// <paramref name="current"/> when nothing changed) and whether a write happened.
    /// </summary>
    public async Task<(T Object, bool Written)> UpdateStatusAsync<T>(ResourceType type, T current, Action<T> mutate, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(mutate);
        var latest = current;
        for (var attempt = 1; ; attempt++)
        {
            var copy = ObjectCopy.Clone(latest);
            mutate(copy);
            if (JsonNode.DeepEquals(StatusOf(latest), StatusOf(copy)))
            {
                return (latest, false);
            }

            try
            {
                var written = await api.ReplaceAsync(type, copy, status: true, ct).ConfigureAwait(false);
                guard?.Wrote(latest.Metadata.NamespaceProperty, latest.Metadata.Name, latest.Metadata.ResourceVersion, written.Metadata?.ResourceVersion);
                return (written, true);
            }
            catch (KubeApiException ex) when (ex.IsConflict && attempt < maxAttempts)
            {
                latest = await api.GetAsync<T>(type, current.Metadata.NamespaceProperty, current.Metadata.Name, ct).ConfigureAwait(false)
                    ?? throw new KubeApiException(System.Net.HttpStatusCode.NotFound, null, $"{type} {current.Metadata.NamespaceProperty}/{current.Metadata.Name} was deleted while its status was written");
            }
        }
    }

    private static JsonNode? StatusOf<T>(T obj)
        where T : class => ObjectCopy.ToJson(obj)["status"];
}
