using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// A <see cref="ListTypeResolver"/> read from a CRD's <c>openAPIV3Schema</c>: <c>x-kubernetes-list-type</c>
/// (<c>map</c> with <c>x-kubernetes-list-map-keys</c>, <c>set</c>, <c>atomic</c>; arrays without it are atomic),
/// plus ObjectMeta's lists.
/// </summary>
internal static class SchemaListTypes
{
    public static ListTypeResolver FromSchema(JsonObject? openApiV3Schema)
    {
        var schema = (JsonObject?)openApiV3Schema?.DeepClone();
        return BuiltInListTypes.WithObjectMeta(path => Resolve(schema, path));
    }

    private static ListTypeInfo Resolve(JsonObject? schema, string path)
    {
        var node = schema;
        foreach (var segment in path.Split('.'))
        {
            node = Items(node);
            node = node?["properties"]?[segment] as JsonObject ?? node?["additionalProperties"] as JsonObject;
            if (node is null)
            {
                return ListTypeInfo.Atomic;
            }
        }

        if (AsString(node?["x-kubernetes-map-type"]) == "atomic" && AsString(node?["type"]) == "object")
        {
            return ListTypeInfo.AtomicObject;
        }

        var listType = AsString(node?["x-kubernetes-list-type"]) ?? "atomic";
        var mapKeys = node?["x-kubernetes-list-map-keys"] as JsonArray;
        switch (listType)
        {
            case "set":
                return ListTypeInfo.Set;
            case "map" when mapKeys is { Count: > 0 }:
                var names = mapKeys.Select(AsString).OfType<string>().ToArray();
                return names.Length > 0 ? ListTypeInfo.Map(names) : ListTypeInfo.Atomic;
            default:
                return ListTypeInfo.Atomic;
        }
    }

    private static JsonObject? Items(JsonObject? node)
    {
        while (node?["items"] is JsonObject items && AsString(node["type"]) == "array")
        {
            node = items;
        }

        return node;
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
