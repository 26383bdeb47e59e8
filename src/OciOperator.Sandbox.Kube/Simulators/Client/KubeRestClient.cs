using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Simulators.Client;

/// <summary>
/// The few Kubernetes API calls a controller needs, over plain HTTP + JSON: list, watch (one JSON event per line),
/// get, and a merge patch of the <c>/status</c> subresource. Knows nothing of the server's internals.
/// </summary>
internal sealed class KubeRestClient(HttpClient http)
{
    private const string MergePatch = "application/merge-patch+json";

    public async Task<(List<JsonObject> Items, string ResourceVersion)> ListAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct).ConfigureAwait(false);
        var body = await ReadObjectAsync(response, ct).ConfigureAwait(false);
        var items = (body["items"] as JsonArray)?.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()).ToList() ?? [];
        return (items, ObjectKeys.Text(body["metadata"]?["resourceVersion"]) ?? "");
    }

    public async Task<JsonObject?> GetAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadObjectAsync(response, ct).ConfigureAwait(false);
    }

    /// <summary>Merge-patches <c>{"status": patch}</c> into <paramref name="statusPath"/>; null when the object is gone.</summary>
    public async Task<JsonObject?> PatchStatusAsync(string statusPath, JsonObject patch, CancellationToken ct)
    {
        var body = new JsonObject { ["status"] = patch.DeepClone() }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Patch, statusPath)
        {
            Content = new StringContent(body, Encoding.UTF8, MergePatch),
        };
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadObjectAsync(response, ct).ConfigureAwait(false);
    }

    /// <summary>POSTs <paramref name="obj"/> to the collection <paramref name="path"/>; returns the stored object.</summary>
    public async Task<JsonObject> CreateAsync(string path, JsonObject obj, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(obj.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        return await ReadObjectAsync(response, ct).ConfigureAwait(false);
    }

    /// <summary>Merge-patches the object at <paramref name="path"/>; null when it is gone.</summary>
    public async Task<JsonObject?> PatchAsync(string path, JsonObject patch, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path)
        {
            Content = new StringContent(patch.ToJsonString(), Encoding.UTF8, MergePatch),
        };
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadObjectAsync(response, ct).ConfigureAwait(false);
    }

    /// <summary>Deletes the object at <paramref name="path"/> (background propagation); false when it was already gone.</summary>
    public async Task<bool> DeleteAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path)
        {
            Content = new StringContent("""{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"}""", Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await ReadObjectAsync(response, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Streams watch events from <paramref name="resourceVersion"/>; ends when the server closes the stream.</summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(string path, string resourceVersion, [EnumeratorCancellation] CancellationToken ct)
    {
        var url = $"{path}?watch=true&allowWatchBookmarks=true&resourceVersion={Uri.EscapeDataString(resourceVersion)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await ReadObjectAsync(response, ct).ConfigureAwait(false);
        }

        using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var node = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("watch event is not a JSON object");
            var type = ObjectKeys.Text(node["type"]) ?? throw new JsonException("watch event has no type");
            var obj = node["object"] as JsonObject ?? throw new JsonException("watch event has no object");
            if (type == "ERROR")
            {
                var code = ObjectKeys.Integer(obj["code"]) ?? 500;
                throw new KubeRequestException((HttpStatusCode)code, ObjectKeys.Text(obj["message"]) ?? "watch error");
            }

            node.Remove("object");
            yield return new WatchEvent(type, obj);
        }
    }

    public static void Authorize(HttpClient client, string? bearerToken)
    {
        if (!string.IsNullOrEmpty(bearerToken))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var message = TryParse(text) is { } status ? ObjectKeys.Text(status["message"]) : null;
            throw new KubeRequestException(response.StatusCode, message ?? $"HTTP {(int)response.StatusCode}");
        }

        return TryParse(text) ?? throw new JsonException("response body is not a JSON object");
    }

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
