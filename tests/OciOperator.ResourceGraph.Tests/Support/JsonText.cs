using OciOperator.Sandbox.Kube.Serialization;
using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Tests.Support;

/// <summary>Compact, key-sorted JSON text so schemas compare independent of property order.</summary>
internal static class JsonText
{
    public static string Canonical(JsonNode? node) => Sort(node)?.ToJsonString() ?? "null";

    /// <summary>Canonical text of a JSON or YAML literal written in a test.</summary>
    public static string Of(string yamlOrJson) => Canonical(YamlToJson.Parse(yamlOrJson));

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Sort)]),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
