using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Tests.Support;

/// <summary>Raw HTTP calls to the Sandbox, for wire-level assertions.</summary>
internal static class HttpApi
{
    public static async Task<(int Code, JsonNode? Body, HttpResponseMessage Response)> SendAsync(
        this KubeTestServer server, HttpMethod method, string path, string? body = null, string? contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, server.Url(path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            // A null content type sends the body with no Content-Type header at all.
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? node = null;
        if (text.Length > 0 && (text[0] == '{' || text[0] == '['))
        {
            node = JsonNode.Parse(text);
        }

        return ((int)response.StatusCode, node, response);
    }
}
