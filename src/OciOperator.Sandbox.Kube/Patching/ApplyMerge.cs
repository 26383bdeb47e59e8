using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// Merges an apply configuration into the live object by schema: objects merge field by field, map lists by key,
/// set lists by value, atomic lists and scalars are replaced; a <c>null</c> in the configuration removes the field.
/// </summary>
internal static class ApplyMerge
{
    public static JsonObject Merge(JsonObject? live, JsonObject applied, ListTypeResolver listTypes) =>
        MergeObject(live, applied, string.Empty, listTypes);

    private static JsonObject MergeObject(JsonObject? live, JsonObject applied, string names, ListTypeResolver listTypes)
    {
        var result = live is null ? new JsonObject() : (JsonObject)live.DeepClone();
        foreach (var (name, value) in applied)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            result[name] = MergeNode(result[name], value, names.Length == 0 ? name : names + "." + name, listTypes);
        }

        return result;
    }

    private static JsonNode MergeNode(JsonNode? live, JsonNode applied, string names, ListTypeResolver listTypes) =>
        (live, applied) switch
        {
            (JsonObject, JsonObject) when listTypes(names).Type == ListType.AtomicObject => applied.DeepClone(),
            (JsonObject l, JsonObject a) => MergeObject(l, a, names, listTypes),
            (_, JsonObject a) => MergeObject(null, a, names, listTypes),
            (JsonArray l, JsonArray a) => MergeList(l, a, names, listTypes),
            _ => applied.DeepClone(),
        };

    private static JsonArray MergeList(JsonArray live, JsonArray applied, string names, ListTypeResolver listTypes)
    {
        var info = listTypes(names);
        if (info.Type == ListType.Set && applied.All(ObjectFields.IsScalar) && live.All(ObjectFields.IsScalar))
        {
            var set = (JsonArray)live.DeepClone();
            foreach (var item in applied)
            {
                if (!set.Any(existing => JsonEquality.Equal(existing, item)))
                {
                    set.Add(item?.DeepClone());
                }
            }

            return set;
        }

        if (info.Type == ListType.Map && applied.All(i => ObjectFields.ItemKey(i, info) is not null))
        {
            var items = live.Select(i => i?.DeepClone()).ToList();
            foreach (var item in applied)
            {
                var key = FieldPath.Json(ObjectFields.ItemKey(item, info));
                var index = items.FindIndex(existing =>
                    ObjectFields.ItemKey(existing, info) is { } k && string.Equals(FieldPath.Json(k), key, StringComparison.Ordinal));
                if (index >= 0)
                {
                    items[index] = MergeObject(items[index] as JsonObject, (JsonObject)item!, names, listTypes);
                }
                else
                {
                    items.Add(MergeObject(null, (JsonObject)item!, names, listTypes));
                }
            }

            return [.. items];
        }

        return (JsonArray)applied.DeepClone();
    }
}
