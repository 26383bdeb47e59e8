using System.Collections.Concurrent;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Tests.Walkthrough;

/// <summary>
/// Watches a few kinds in one namespace and records, per object, the resourceVersion of its ADDED and DELETED events.
/// The Sandbox's resourceVersion is one global counter, so these give the exact order of creations and deletions
/// (creation timestamps have only second resolution).
/// </summary>
internal sealed class EventLog : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _watches = [];

    public ConcurrentDictionary<string, long> Added { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> Deleted { get; } = new(StringComparer.Ordinal);

    public static async Task<EventLog> StartAsync(IKubeApi api, string @namespace, params ResourceType[] types)
    {
        var log = new EventLog();
        foreach (var type in types)
        {
            var list = await api.ListAsync<UnstructuredObject>(type, new ListOptions(@namespace), CancellationToken.None);
            log._watches.Add(log.WatchAsync(api, type, @namespace, list.ResourceVersion));
        }

        return log;
    }

    public static string Key(string kind, string name) => kind + "/" + name;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_watches);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task WatchAsync(IKubeApi api, ResourceType type, string @namespace, string from)
    {
        var version = from;
        while (!_stop.IsCancellationRequested)
        {
            await foreach (var e in api.WatchAsync<UnstructuredObject>(type, new WatchOptions(version, @namespace), _stop.Token))
            {
                version = e.ResourceVersion ?? e.Object?.Metadata.ResourceVersion ?? version;
                if (e.Object is not { } obj)
                {
                    continue;
                }

                var rv = long.Parse(obj.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);
                var key = Key(type.Kind, obj.Metadata.Name);
                if (e.Type == k8s.WatchEventType.Added)
                {
                    Added.TryAdd(key, rv);
                }
                else if (e.Type == k8s.WatchEventType.Deleted)
                {
                    Deleted.TryAdd(key, long.Parse(e.ResourceVersion ?? obj.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
