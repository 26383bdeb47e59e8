using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Http;

internal sealed partial class OpenApiDocuments
{
    private long _v2Revision = -1;
    private JsonObject _v2Definitions = [];

    /// <summary>
    /// Every schema of the v3 documents as Swagger 2.0 definitions, as the apiserver publishes them: references point
    /// at <c>#/definitions/</c>, a lone <c>allOf</c> reference becomes the reference, and what v2 cannot say
    /// (<c>nullable</c>, <c>anyOf</c>, <c>oneOf</c>, <c>not</c>) is dropped, int-or-string becoming
    /// <c>type: string, format: int-or-string</c>. A private copy per call.
    /// </summary>
    public JsonObject V2Definitions()
    {
        var docs = Current();
        lock (_gate)
        {
            if (_v2Revision != _revision)
            {
                var definitions = new JsonObject();
                foreach (var (_, doc) in docs.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var schemas = JsonNode.Parse(doc.Body)?["components"]?["schemas"] as JsonObject ?? [];
                    foreach (var (name, schema) in schemas.ToList())
                    {
                        if (!definitions.ContainsKey(name) && schema is not null)
                        {
                            definitions[name] = ToV2(schema.DeepClone());
                        }
                    }
                }

                _v2Definitions = definitions;
                _v2Revision = _revision;
            }

            return (JsonObject)_v2Definitions.DeepClone();
        }
    }

    private static JsonNode ToV2(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["allOf"] is JsonArray { Count: 1 } allOf && allOf[0]?["$ref"] is not null)
                {
                    obj = new JsonObject { ["$ref"] = allOf[0]!["$ref"]!.DeepClone() };
                }

                if (obj["x-kubernetes-int-or-string"] is JsonValue intOrString && intOrString.TryGetValue<bool>(out var isIntOrString) && isIntOrString)
                {
                    obj["type"] = "string";
                    obj["format"] = "int-or-string";
                }

                foreach (var dropped in new[] { "nullable", "anyOf", "oneOf", "not" })
                {
                    obj.Remove(dropped);
                }

                var result = new JsonObject();
                foreach (var (key, value) in obj.ToList())
                {
                    obj.Remove(key);
                    result[key] = key == "$ref" && value is JsonValue r && r.TryGetValue<string>(out var target)
                        ? target.Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal)
                        : value is null ? null : ToV2(value);
                }

                return result;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array.ToList())
                {
                    array.Remove(item);
                    items.Add(item is null ? null : ToV2(item));
                }

                return items;
            default:
                return node;
        }
    }
}
