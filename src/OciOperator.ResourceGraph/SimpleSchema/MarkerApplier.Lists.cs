using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>The list markers: <c>uniqueItems</c>, <c>listType</c>, <c>listMapKey</c>.</summary>
internal static partial class MarkerApplier
{
    private const string ListTypeKey = "x-kubernetes-list-type";
    private const string ListMapKeysKey = "x-kubernetes-list-map-keys";

    private static void ApplyUniqueItems(JsonObject schema, Marker marker)
    {
        RequireType(schema, "array", marker);
        if (!ParseBool(marker))
        {
            return;
        }

        var listType = schema[ListTypeKey]?.GetValue<string>();
        if (listType is not (null or "set"))
        {
            throw new SimpleSchemaException($"uniqueItems=true conflicts with listType={listType}: uniqueItems requires listType=set");
        }

        // Kubernetes structural schemas forbid uniqueItems: true; a set list type is how uniqueness is expressed.
        schema[ListTypeKey] = "set";
    }

    private static void ApplyListType(JsonObject schema, Marker marker)
    {
        RequireType(schema, "array", marker);
        if (marker.Value is not ("atomic" or "set" or "map"))
        {
            throw new SimpleSchemaException($"invalid listType value: {marker.Value}, must be one of: atomic, set, map");
        }

        var current = schema[ListTypeKey]?.GetValue<string>();
        if (current == "set" && marker.Value != "set")
        {
            throw new SimpleSchemaException($"listType={marker.Value} conflicts with uniqueItems=true: uniqueItems requires listType=set");
        }

        schema[ListTypeKey] = marker.Value;
    }

    private static JsonArray ListMapKeys(JsonObject schema)
    {
        if (schema[ListMapKeysKey] is not JsonArray keys)
        {
            keys = [];
            schema[ListMapKeysKey] = keys;
        }

        return keys;
    }

    private static void CheckListMapKeys(JsonObject schema)
    {
        var listType = schema[ListTypeKey]?.GetValue<string>();
        var hasKeys = schema[ListMapKeysKey] is JsonArray { Count: > 0 };
        if (hasKeys && listType is null)
        {
            throw new SimpleSchemaException("listMapKey set while listType is unset, listType must be set to map");
        }

        if (hasKeys && listType != "map")
        {
            throw new SimpleSchemaException($"listMapKey set while listType is {listType}, listType must be set to map");
        }

        if (listType == "map" && !hasKeys)
        {
            throw new SimpleSchemaException("listType=map requires at least one listMapKey");
        }
    }
}
