using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// Strategic merge patch as the apiserver applies it for built-in kinds: maps merge, lists with a merge key merge by
/// that key, primitive lists with the merge strategy merge as sets, other lists are replaced. Directives:
/// <c>$patch: replace|delete|merge</c>, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/&lt;field&gt;</c>,
/// <c>$setElementOrder/&lt;field&gt;</c> (what kubectl's client-side apply sends). Inputs are not modified.
/// </summary>
internal static partial class StrategicMergePatch
{
    /// <summary>Applies <paramref name="patch"/> using the built-in merge keys of <paramref name="apiVersion"/>/<paramref name="kind"/>.</summary>
    public static JsonNode Apply(JsonNode target, JsonNode patch, string apiVersion, string kind) =>
        Apply(target, patch, BuiltInListTypes.For(apiVersion, kind));

    /// <summary>Applies <paramref name="patch"/> with list merge behaviour from <paramref name="listTypes"/>.</summary>
    public static JsonNode Apply(JsonNode target, JsonNode patch, ListTypeResolver listTypes)
    {
        ArgumentNullException.ThrowIfNull(listTypes);
        if (patch is not JsonObject patchObject)
        {
            throw PatchException.BadRequest("invalid strategic merge patch: the patch must be a JSON object");
        }

        if (target is not JsonObject targetObject)
        {
            throw PatchException.Unprocessable("strategic merge patch can only be applied to a JSON object");
        }

        return MergeMap(targetObject, patchObject, string.Empty, listTypes);
    }

    /// <summary>Merges a patch map into a copy of <paramref name="original"/>.</summary>
    private static JsonObject MergeMap(JsonObject? original, JsonObject patch, string path, ListTypeResolver listTypes)
    {
        switch (PatchDirectives.PatchDirectiveOf(patch))
        {
            case PatchDirectives.Delete:
                return new JsonObject(); // apimachinery leaves an empty map, it does not drop the key
            case PatchDirectives.Merge:
                throw PatchException.BadRequest("unknown patch type: merge in map");
            case PatchDirectives.Replace:
                var replacement = (JsonObject)patch.DeepClone();
                replacement.Remove(PatchDirectives.Patch);
                return MergeMap(null, replacement, path, listTypes);
        }

        var result = original is null ? new JsonObject() : (JsonObject)original.DeepClone();
        if (patch.TryGetPropertyValue(PatchDirectives.RetainKeys, out var retain))
        {
            ApplyRetainKeys(result, patch, PatchDirectives.ListValue(PatchDirectives.RetainKeys, retain));
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(PatchDirectives.DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                DeleteFromPrimitiveList(result, key[PatchDirectives.DeleteFromPrimitiveListPrefix.Length..], PatchDirectives.ListValue(key, value));
            }
        }

        var ordered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(PatchDirectives.SetElementOrderPrefix, StringComparison.Ordinal))
            {
                var field = key[PatchDirectives.SetElementOrderPrefix.Length..];
                var fieldPath = Join(path, field);
                if (MergeOrderedList(result, patch, field, fieldPath, PatchDirectives.ListValue(key, value), listTypes(fieldPath), listTypes))
                {
                    ordered.Add(field);
                }
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                if (key is PatchDirectives.Patch or PatchDirectives.RetainKeys
                    || key.StartsWith(PatchDirectives.DeleteFromPrimitiveListPrefix, StringComparison.Ordinal)
                    || key.StartsWith(PatchDirectives.SetElementOrderPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                throw PatchException.BadRequest($"invalid strategic merge patch: unknown directive \"{key}\"");
            }

            if (ordered.Contains(key))
            {
                continue;
            }

            MergeField(result, key, value, Join(path, key), listTypes);
        }

        return result;
    }

    private static void MergeField(JsonObject result, string key, JsonNode? value, string fieldPath, ListTypeResolver listTypes)
    {
        switch (value)
        {
            case null:
                result.Remove(key);
                return;
            case JsonObject patchMap:
                result[key] = MergeMap(result[key] as JsonObject, patchMap, fieldPath, listTypes);
                return;
            case JsonArray patchList:
                result[key] = MergeList(result[key] as JsonArray, patchList, fieldPath, listTypes(fieldPath), listTypes);
                return;
            default:
                result[key] = value.DeepClone();
                return;
        }
    }

    private static void ApplyRetainKeys(JsonObject result, JsonObject patch, JsonArray retainKeys)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in retainKeys)
        {
            keep.Add(item is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw PatchException.BadRequest("invalid strategic merge patch: $retainKeys must be a list of strings"));
        }

        foreach (var (key, value) in patch)
        {
            if (value is not null && !key.StartsWith('$') && !keep.Contains(key))
            {
                throw PatchException.BadRequest($"invalid strategic merge patch: key {key} in the patch is not present in $retainKeys");
            }
        }

        foreach (var key in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
        {
            result.Remove(key);
        }
    }

    private static void DeleteFromPrimitiveList(JsonObject result, string field, JsonArray toDelete)
    {
        if (result[field] is not JsonArray list)
        {
            return;
        }

        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (toDelete.Any(d => JsonEquality.Equal(d, list[i])))
            {
                list.RemoveAt(i);
            }
        }
    }

    private static string Join(string path, string field) => path.Length == 0 ? field : path + "." + field;
}
