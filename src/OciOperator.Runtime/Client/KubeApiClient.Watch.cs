using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Client;

/// <summary>The watch stream: one JSON event per line; bookmarks and Error (e.g. 410 Expired) come through as events.</summary>
public sealed partial class KubeApiClient
{
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(ResourceType type, WatchOptions options, [EnumeratorCancellation] CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(options);
        var query = new QueryBuilder()
            .Add("watch", "true")
            .Add("resourceVersion", options.ResourceVersion)
            .Add("allowWatchBookmarks", options.AllowBookmarks ? "true" : null)
            .Add("timeoutSeconds", options.Timeout is { } t ? ((int)t.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null)
            .Add("labelSelector", options.LabelSelector)
            .Add("fieldSelector", options.FieldSelector);
        using var request = new HttpRequestMessage(HttpMethod.Get, BuildUri(type.CollectionPath(options.Namespace), query));
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
                }
                catch (IOException) when (!ct.IsCancellationRequested)
                {
                    // The server dropped the connection mid-stream: the same as a clean end for a watcher.
                    yield break;
                }
                catch (HttpRequestException) when (!ct.IsCancellationRequested)
                {
                    yield break;
                }

                if (line is null)
                {
                    yield break;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                yield return ParseEvent<T>(type, line);
            }
        }
    }

    private static WatchEvent<T> ParseEvent<T>(ResourceType type, string line)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var typeName = root.GetProperty("type").GetString();
        var obj = root.GetProperty("object");
        var eventType = typeName switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => WatchEventType.Error,
            _ => throw new KubeApiException($"unknown watch event type '{typeName}' for {type}"),
        };
        switch (eventType)
        {
            case WatchEventType.Error:
                return new WatchEvent<T>(eventType, null, null, KubernetesJson.Deserialize<V1Status>(obj));
            case WatchEventType.Bookmark:
                var rv = obj.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("resourceVersion", out var v) ? v.GetString() : null;
                return new WatchEvent<T>(eventType, null, rv);
            default:
                var item = Decode<T>(obj, type, out var failure);
                return item is not null
                    ? new WatchEvent<T>(eventType, item, item.Metadata?.ResourceVersion)
                    : new WatchEvent<T>(eventType, null, failure!.ResourceVersion) { Undecodable = failure };
        }
    }
}
