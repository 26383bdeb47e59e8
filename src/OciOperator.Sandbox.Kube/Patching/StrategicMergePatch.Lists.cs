using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// List merging for <see cref="StrategicMergePatch"/>: merge-key lists and primitive sets, ordered as apimachinery's
/// <c>normalizeElementOrder</c> does (checked against <c>kubectl patch --local</c>): the items the patch names are sorted
/// by <c>$setElementOrder</c> (or by the patch list itself) and interleaved with the server-only items by live position.
/// </summary>
internal static partial class StrategicMergePatch
{
    private static JsonArray MergeList(
        JsonArray? original, JsonArray patch, string path, ListTypeInfo info, ListTypeResolver listTypes, JsonArray? order = null)
    {
        if (info.Type == ListType.Map && patch.All(item => item is JsonObject))
        {
            return MergeMapList(original, patch, path, info.MergeKey, listTypes, order);
        }

        if (info.Type == ListType.Set && patch.All(item => item is JsonValue))
        {
            return MergeOrdered(original, [.. patch], order, item => item, (named, _) =>
            {
                foreach (var item in patch)
                {
                    if (!named.Any(existing => JsonEquality.Equal(existing, item)))
                    {
                        named.Add(item?.DeepClone());
                    }
                }
            });
        }

        return (JsonArray)patch.DeepClone();
    }

    private static JsonArray MergeMapList(
        JsonArray? original, JsonArray patch, string path, string mergeKey, ListTypeResolver listTypes, JsonArray? order)
    {
        var patchItems = patch.OfType<JsonObject>().ToList();
        if (patchItems.Any(item => PatchDirectives.PatchDirectiveOf(item) == PatchDirectives.Replace))
        {
            return [.. patchItems
                .Where(i => PatchDirectives.PatchDirectiveOf(i) != PatchDirectives.Replace)
                .Select(i => (JsonNode?)MergeMap(null, i, path, listTypes))];
        }

        if (patchItems.Any(item => PatchDirectives.PatchDirectiveOf(item) == PatchDirectives.Merge))
        {
            throw PatchException.BadRequest("merging lists cannot yet be specified in the patch");
        }

        JsonNode? Identity(JsonNode? item) => item is JsonObject o ? o[mergeKey] : null;
        foreach (var item in patchItems.Where(i => !i.ContainsKey(mergeKey)))
        {
            throw PatchException.BadRequest($"map does not contain declared merge key: {mergeKey} (in list {path})");
        }

        var deletions = patchItems.Where(i => PatchDirectives.PatchDirectiveOf(i) == PatchDirectives.Delete).Select(Identity).ToList();
        var remaining = original?.Where(item => !deletions.Any(d => JsonEquality.Equal(d, Identity(item)))).ToList();
        var merges = patchItems.Where(i => PatchDirectives.PatchDirectiveOf(i) is null).ToList();

        return MergeOrdered(remaining, [.. merges], order, Identity, (named, _) =>
        {
            foreach (var item in merges)
            {
                var index = named.FindIndex(existing => JsonEquality.Equal(Identity(existing), Identity(item)));
                if (index >= 0)
                {
                    named[index] = MergeMap(named[index] as JsonObject, item, path, listTypes);
                }
                else
                {
                    named.Add(MergeMap(null, item, path, listTypes));
                }
            }
        });
    }

    /// <summary>
    /// Splits the live items into those the order list names and server-only ones, lets <paramref name="merge"/>
    /// fold the patch into the named ones, sorts them by the order list and interleaves the server-only items
    /// (apimachinery <c>mergeSortedSlice</c>: a server-only item goes first when both are live and it was earlier).
    /// </summary>
    private static JsonArray MergeOrdered(
        IEnumerable<JsonNode?>? original,
        List<JsonNode?> patchItems,
        JsonArray? order,
        Func<JsonNode?, JsonNode?> identity,
        Action<List<JsonNode?>, List<JsonNode?>> merge)
    {
        var live = original?.ToList() ?? [];
        var orderIds = (order is null ? patchItems : order.ToList()).Select(identity).ToList();
        int Rank(JsonNode? item) => orderIds.FindIndex(id => JsonEquality.Equal(id, identity(item)));
        int LiveIndex(JsonNode? item) => live.FindIndex(l => JsonEquality.Equal(identity(l), identity(item)));

        if (order is not null)
        {
            var ranks = patchItems.Select(Rank).ToList();
            if (ranks.Any(r => r < 0) || ranks.Zip(ranks.Skip(1)).Any(pair => pair.First >= pair.Second))
            {
                throw PatchException.BadRequest("invalid strategic merge patch: the order in the patch list doesn't match the $setElementOrder list");
            }
        }

        var named = live.Where(item => Rank(item) >= 0).Select(i => i?.DeepClone()).ToList();
        var serverOnly = live.Where(item => Rank(item) < 0).Select(i => i?.DeepClone()).ToList();
        merge(named, patchItems);
        var sorted = named
            .Select((item, position) => (item, position, rank: Rank(item)))
            .OrderBy(x => x.rank < 0 ? int.MaxValue : x.rank)
            .ThenBy(x => x.position)
            .Select(x => x.item)
            .ToList();

        var all = new JsonArray();
        int left = 0, right = 0;
        while (left < serverOnly.Count || right < sorted.Count)
        {
            if (right >= sorted.Count)
            {
                all.Add(serverOnly[left++]);
            }
            else if (left >= serverOnly.Count)
            {
                all.Add(sorted[right++]);
            }
            else
            {
                var li = LiveIndex(serverOnly[left]);
                var ri = LiveIndex(sorted[right]);
                all.Add(li >= 0 && ri >= 0 && li < ri ? serverOnly[left++] : sorted[right++]);
            }
        }

        return all;
    }

    /// <summary>
    /// Handles <c>$setElementOrder/field</c> for a merging list (with or without the list in the patch).
    /// Returns false for atomic lists, whose order hint is ignored.
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
        if (original is null && !hasPatchList)
        {
            return true;
        }

        result[field] = MergeList(original, patchValue as JsonArray ?? [], fieldPath, info, listTypes, order);
        return true;
    }
}
