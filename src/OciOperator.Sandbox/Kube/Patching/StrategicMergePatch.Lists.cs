using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>List merging for <see cref="StrategicMergePatch"/>: merge-key lists, primitive sets, element order.</summary>
internal static partial class StrategicMergePatch
{
    private static JsonArray MergeList(JsonArray? original, JsonArray patch, string path, ListTypeInfo info, ListTypeResolver listTypes)
    {
        if (info.Type == ListType.Map && patch.All(item => item is JsonObject))
        {
            return MergeMapList(original, patch, path, info.MergeKey, listTypes);
        }

        if (info.Type == ListType.Set && patch.All(item => item is JsonValue))
        {
            var result = original is null ? [] : (JsonArray)original.DeepClone();
            foreach (var item in patch)
            {
                if (!result.Any(existing => JsonEquality.Equal(existing, item)))
                {
                    result.Add(item?.DeepClone());
                }
            }

            return result;
        }

        return (JsonArray)patch.DeepClone();
    }

    private static JsonArray MergeMapList(JsonArray? original, JsonArray patch, string path, string mergeKey, ListTypeResolver listTypes)
    {
        if (patch.OfType<JsonObject>().Any(item => PatchDirectives.PatchDirectiveOf(item) == PatchDirectives.Replace))
        {
            var replaced = new JsonArray();
            foreach (var item in patch.OfType<JsonObject>().Where(i => PatchDirectives.PatchDirectiveOf(i) != PatchDirectives.Replace))
            {
                replaced.Add(MergeMap(null, item, path, listTypes));
            }

            return replaced;
        }

        var items = original is null ? [] : original.Select(i => i?.DeepClone()).ToList();
        foreach (var item in patch.OfType<JsonObject>())
        {
            if (!item.TryGetPropertyValue(mergeKey, out var keyValue))
            {
                throw PatchException.BadRequest($"map does not contain declared merge key: {mergeKey} (in list {path})");
            }

            var index = items.FindIndex(existing => existing is JsonObject o && o.TryGetPropertyValue(mergeKey, out var k) && JsonEquality.Equal(k, keyValue));
            if (PatchDirectives.PatchDirectiveOf(item) == PatchDirectives.Delete)
            {
                items.RemoveAll(existing => existing is JsonObject o && o.TryGetPropertyValue(mergeKey, out var k) && JsonEquality.Equal(k, keyValue));
                continue;
            }

            if (index >= 0)
            {
                items[index] = MergeMap(items[index] as JsonObject, item, path, listTypes);
            }
            else
            {
                items.Add(MergeMap(null, item, path, listTypes));
            }
        }

        return [.. items.Where(i => i is not null)];
    }

    /// <summary>
    /// Handles <c>$setElementOrder/field</c>: merges the patch list into the items named by the order list, sorts them
    /// by it, then interleaves the server-only items by their live positions (apimachinery <c>normalizeElementOrder</c>).
    /// Returns false when the list is not a merging list, so that the field is merged without the order hint.
    /// </summary>
    private static bool MergeOrderedList(
        JsonObject result, JsonObject patch, string field, string fieldPath, JsonArray order, ListTypeInfo info, ListTypeResolver listTypes)
    {
        if (info.Type == ListType.Atomic)
        {
            return false;
        }

        var hasPatchList = patch.TryGetPropertyValue(field, out var patchValue);
        if (hasPatchList && patchValue is not JsonArray)
        {
            return false;
        }

        var original = result[field] as JsonArray;
        var patchList = patchValue as JsonArray ?? [];
        if (original is null && !hasPatchList)
        {
            return true;
        }

        Func<JsonNode?, JsonNode?> identity = info.Type == ListType.Map
            ? item => item is JsonObject o ? o[info.MergeKey] : null
            : item => item;
        var originalItems = original?.ToList() ?? [];
        if (info.Type == ListType.Map)
        {
            // Deletion directives apply to the whole live list before it is split by the order hint.
            var deletions = patchList.OfType<JsonObject>()
                .Where(item => PatchDirectives.PatchDirectiveOf(item) == PatchDirectives.Delete)
                .Select(identity)
                .ToList();
            originalItems.RemoveAll(item => deletions.Any(d => JsonEquality.Equal(d, identity(item))));
        }

        int IndexIn(IReadOnlyList<JsonNode?> list, JsonNode? item)
        {
            var id = identity(item);
            for (var i = 0; i < list.Count; i++)
            {
                if (JsonEquality.Equal(identity(list[i]), id))
                {
                    return i;
                }
            }

            return -1;
        }

        var orderItems = order.ToList();
        var named = new JsonArray();
        var serverOnly = new List<JsonNode?>();
        foreach (var item in originalItems)
        {
            if (IndexIn(orderItems, item) >= 0)
            {
                named.Add(item?.DeepClone());
            }
            else
            {
                serverOnly.Add(item?.DeepClone());
            }
        }

        var merged = MergeList(named, patchList, fieldPath, info, listTypes)
            .Select(i => i?.DeepClone())
            .Select((item, position) => (item, position, rank: IndexIn(orderItems, item)))
            .OrderBy(x => x.rank < 0 ? int.MaxValue : x.rank)
            .ThenBy(x => x.position)
            .Select(x => x.item)
            .ToList();

        var all = new JsonArray();
        int left = 0, right = 0;
        while (left < serverOnly.Count || right < merged.Count)
        {
            if (right >= merged.Count)
            {
                all.Add(serverOnly[left++]);
            }
            else if (left >= serverOnly.Count)
            {
                all.Add(merged[right++]);
            }
            else
            {
                var li = IndexIn(originalItems, serverOnly[left]);
                var ri = IndexIn(originalItems, merged[right]);
                all.Add(li >= 0 && ri >= 0 && li < ri ? serverOnly[left++] : merged[right++]);
            }
        }

        result[field] = all;
        return true;
    }
}
