using System.Net;
using System.Text;

namespace OciOperator.Oci.Tests.Support;

/// <summary>An HttpMessageHandler answering from a script and recording every request it saw.</summary>
internal sealed class ScriptedHandler(Func<int, HttpRequestMessage, HttpResponseMessage> script, TimeProvider? time = null) : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Error(int status, string code, params (string Name, string Value)[] headers) =>
        Json((HttpStatusCode)status, $$"""{"code":"{{code}}","message":"{{code}} happened"}""", [("opc-request-id", "req-" + code), .. headers]);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        int index;
        lock (_lock)
        {
            index = _requests.Count;
            _requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body, time?.GetUtcNow() ?? default));
        }

        return script(index, request);
    }
}
