using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// The suite's own raw JSON calls to the Sandbox API server (so it can send bodies no typed client would, and see
/// each status code). Writes that meet an injected fault (409 Conflict, 500, 503) are retried, as kubectl's user
/// would; every other answer is returned as it came.
/// </summary>
internal sealed class KubeJson(Uri server) : IDisposable
{
    private readonly HttpClient _http = CreateClient(server);

    public static string DbSystems(string ns) => $"apis/mysql.oracle.com/v1beta1/namespaces/{ns}/dbsystems";

    public static string Secrets(string ns) => $"api/v1/namespaces/{ns}/secrets";

    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>The <c>items</c> of a list (empty when the list fails).</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(string path)
    {
        var (status, body) = await GetAsync(path);
        return status == HttpStatusCode.OK && body?["items"] is JsonArray items ? [.. items.OfType<JsonObject>()] : [];
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> CreateAsync(string collection, JsonNode body) =>
        SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Post, collection) { Content = Json(body.ToJsonString(), "application/json") });

    public Task<(HttpStatusCode Status, JsonNode? Body)> CreateRawAsync(string collection, string body, string contentType = "application/json") =>
        SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Post, collection) { Content = Json(body, contentType) });

    public Task<(HttpStatusCode Status, JsonNode? Body)> MergePatchAsync(string path, JsonNode patch) =>
        SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Patch, path) { Content = Json(patch.ToJsonString(), "application/merge-patch+json") });

    public Task<(HttpStatusCode Status, JsonNode? Body)> DeleteAsync(string path) =>
        SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Delete, path));

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateClient(Uri server)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("oci-operator-reliability-suite", "1"));
        return http;
    }

    private static StringContent Json(string body, string contentType) =>
        new(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType));

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendWithRetryAsync(Func<HttpRequestMessage> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var message = request();
            using var response = await _http.SendAsync(message);
            var body = await ReadAsync(response);
            var injected = response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable
                || (response.StatusCode == HttpStatusCode.Conflict && body?["reason"]?.GetValue<string>() == "Conflict");
            if (!injected || attempt >= 50)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
