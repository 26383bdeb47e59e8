using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Mapping;

/// <summary>
/// JSON of the API types (their <c>JsonPropertyName</c>s are OCI's names), nulls left out; the bridge between the
/// custom resource and the OCI models, which share field names.
/// </summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = false,
    };

    public static JsonObject ToObject<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options) as JsonObject ?? [];

    public static T? FromNode<T>(JsonNode? node) =>
        node is null ? default : node.Deserialize<T>(Options);
}
