using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Errors;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>The opaque <c>continue</c> token of a paged list: the last key returned and the list's resourceVersion.</summary>
internal static class ContinueToken
{
    public static string Encode(string start, long rv) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = rv, ["start"] = start }.ToJsonString()));

    public static (string? Start, long? Rv) Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        try
        {
            var node = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            var start = node?["start"]?.GetValue<string>();
            var rv = node?["rv"]?.GetValue<long>();
            if (start is null || rv is null)
            {
                throw ApiErrors.BadRequest("continue key is not valid: missing start or resourceVersion");
            }

            return (start, rv);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            throw ApiErrors.BadRequest("continue key is not valid: " + e.GetType().Name);
        }
    }
}
