using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Tests.Scale;

/// <summary>
/// Lists and watches one resource type (in one namespace or all) for the harness and hands every object it sees to a
/// callback with the event type; a watch that ends or expires lists again. The harness's view, not the operator's.
/// </summary>
internal sealed class ObjectWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ObjectWatch(IKubeApi api, ResourceType type, string? @namespace, Action<string, UnstructuredObject> seen)
    {
        _loop = Task.Run(() => LoopAsync(api, type, @namespace, seen, _stop.Token));
    }

    public static ObjectWatch Start(IKubeApi api, ResourceType type, string? @namespace, Action<string, UnstructuredObject> seen) =>
        new(api, type, @namespace, seen);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private static async Task LoopAsync(IKubeApi api, ResourceType type, string? @namespace, Action<string, UnstructuredObject> seen, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var list = await api.ListAsync<UnstructuredObject>(type, new ListOptions(@namespace), ct);
                foreach (var item in list.Items)
                {
                    seen("LISTED", item);
                }

                var version = list.ResourceVersion;
                await foreach (var e in api.WatchAsync<UnstructuredObject>(type, new WatchOptions(version, @namespace), ct))
                {
                    if (e.Object is { } obj && e.Type is not k8s.WatchEventType.Bookmark)
                    {
                        seen(e.Type.ToString().ToUpperInvariant(), obj);
                    }
                }
            }
            catch (Exception e) when (e is KubeApiException or HttpRequestException or IOException or TimeoutException && !ct.IsCancellationRequested)
            {
                // Expired or dropped: list again.
                await Task.Delay(100, ct);
            }
        }
    }
}
