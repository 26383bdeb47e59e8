using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>The list markers: <c>uniqueItems</c>, <c>listType</c>, <c>listMapKey</c>.</summary>
internal static partial class MarkerApplier
{
    private const string ListTypeKey = "x-kubernetes-list-type";
    private const string ListMapKeysKey = "x-kubernetes-list-map-keys";

    /// <summary><c>uniqueItems=true</c> becomes <c>x-kubernetes-list-type: set</c> (structural schemas forbid uniqueItems).</summary>
    private static bool ApplyUniqueItems(JsonObject schema, Marker marker)
    {
        var unique = ParseBool(marker);
        RequireType(schema, "array", marker);
        if (unique && schema[ListTypeKey] is null)
        {
            schema[ListTypeKey] = "set";
        }

        return unique;
    }

    private static void ApplyListType(JsonObject schema, Marker marker)
    {
        RequireType(schema, "array", marker);
        if (marker.Value is not ("atomic" or "set" or "map"))
        {
            throw new SimpleSchemaException($"invalid listType value: {marker.Value}, must be one of: atomic, set, map");
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

    private static void CheckLists(JsonObject schema, bool unique)
    {
        var listType = schema[ListTypeKey]?.GetValue<string>();
        if (unique && listType != "set")
        {
            throw new SimpleSchemaException($"uniqueItems=true conflicts with listType={listType}: uniqueItems requires listType=set");
        }

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
