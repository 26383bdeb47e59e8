using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Tests.Support;

/// <summary>A raw watch stream read line by line (one JSON event per line), with a deadline per read.</summary>
internal sealed class WatchLines : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchLines(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public int StatusCode => (int)_response.StatusCode;

    public static async Task<WatchLines> OpenAsync(KubeTestServer server, string pathAndQuery, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url(pathAndQuery));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new WatchLines(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<JsonNode?> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var line = await _reader.ReadLineAsync(cts.Token);
        return line is null ? null : JsonNode.Parse(line);
    }

    /// <summary>Reads until an event of <paramref name="type"/> for <paramref name="name"/> arrives.</summary>
    public async Task<JsonNode> NextOfAsync(string type, string? name = null)
    {
        while (await NextAsync() is { } e)
        {
            if (e["type"]!.GetValue<string>() == type && (name is null || e["object"]!["metadata"]?["name"]?.GetValue<string>() == name))
            {
                return e;
            }
        }

        throw new InvalidOperationException($"the stream ended before a {type} event");
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
