using System.Text.Json.Nodes;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// Reads: from the controller's informer caches where they can answer (<see cref="ObjectCache"/>), else from the API
/// server. Every write is recorded with the cache, so a copy older than our own write is never acted on.
/// </summary>
public sealed partial class InstanceReconciler
{
    private async Task<JsonObject?> ReadAsync(ResourceType type, string? @namespace, string name, CancellationToken ct)
    {
        var read = _services.Cache?.Read(type, @namespace, name) ?? CacheRead.Unknown;
        return read.Kind switch
        {
            CacheReadKind.Hit => read.Object,
            CacheReadKind.Absent => null,
            _ => await api.GetAsync(type, @namespace, name, ct).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// The objects of <paramref name="type"/> matching <paramref name="selector"/>; from the cache when one serves the
    /// kind (for a cache of labelled children, <paramref name="selector"/> must imply those labels).
    /// </summary>
    private async Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? @namespace, string selector, CancellationToken ct)
    {
        if (_services.Cache is { } cache && cache.Covers(type) && TryParse(selector) is { } parsed && cache.List(type, @namespace, parsed) is { } cached)
        {
            return cached;
        }

        return await api.ListAsync(type, @namespace, selector, ct).ConfigureAwait(false);
    }

    private void Wrote(ResourceType type, JsonObject? before, JsonObject after) => _services.Cache?.Wrote(type, before, after);

    private static LabelSelector? TryParse(string selector)
    {
        try
        {
            return LabelSelector.Parse(selector);
        }
        catch (FormatException)
        {
            // A selector this parser does not take (odd values): the API server answers it.
            return null;
        }
    }
}
