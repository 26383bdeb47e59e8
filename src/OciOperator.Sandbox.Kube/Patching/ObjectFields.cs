using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// Walks an object into the field paths server-side apply tracks: scalar and atomic leaves, map-list items
/// (<c>k:</c>) with their fields, set values (<c>v:</c>). Identity and server-owned fields are never tracked.
/// </summary>
internal static class ObjectFields
{
    private static readonly HashSet<string> UntrackedMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "selfLink", "managedFields",
        "clusterName", "deletionTimestamp", "deletionGracePeriodSeconds",
    };

    /// <summary>Every tracked path of <paramref name="obj"/> with its value.</summary>
    public static Dictionary<FieldPath, FieldValue> Flatten(JsonObject? obj, ListTypeResolver listTypes)
    {
        var result = new Dictionary<FieldPath, FieldValue>();
        if (obj is null)
        {
            return result;
        }

        foreach (var (name, value) in obj)
        {
            if (name is "apiVersion" or "kind")
            {
                continue;
            }

            if (name == "metadata" && value is JsonObject metadata)
            {
                foreach (var (metaName, metaValue) in metadata)
                {
                    if (!UntrackedMetadata.Contains(metaName))
                    {
                        Walk(metaValue, FieldPath.Root.Field("metadata").Field(metaName), "metadata." + metaName, listTypes, result);
                    }
                }

                continue;
            }

            Walk(value, FieldPath.Root.Field(name), name, listTypes, result);
        }

        return result;
    }

    /// <summary>The item key of a map-list element (<c>{"name":"x"}</c>, key defaults filled), or null if it has none.</summary>
    public static JsonObject? ItemKey(JsonNode? item, ListTypeInfo info)
    {
        if (item is not JsonObject obj || info.Keys.IsDefaultOrEmpty)
        {
            return null;
        }

        var key = new JsonObject();
        foreach (var name in info.Keys.Order(StringComparer.Ordinal))
        {
            if (obj.TryGetPropertyValue(name, out var value) && value is not null)
            {
                key[name] = value.DeepClone();
            }
            else if (info.KeyDefaults.TryGetValue(name, out var fallback))
            {
                key[name] = fallback;
            }
            else if (info.Keys.Length == 1)
            {
                return null;
            }
        }

        return key.Count > 0 ? key : null;
    }

    /// <summary>Removes the node at <paramref name="path"/> from <paramref name="root"/>; false if it is not there.</summary>
    public static bool Remove(JsonObject root, FieldPath path, ListTypeResolver listTypes)
    {
        if (path.Length == 0)
        {
            return false;
        }

        JsonNode? current = root;
        var names = string.Empty;
        for (var i = 0; i < path.Length; i++)
        {
            var element = path.Elements[i];
            var last = i == path.Length - 1;
            if (element.StartsWith("f:", StringComparison.Ordinal))
            {
                var name = element[2..];
                names = names.Length == 0 ? name : names + "." + name;
                if (current is not JsonObject obj || !obj.TryGetPropertyValue(name, out var child))
                {
                    return false;
                }

                if (last)
                {
                    return obj.Remove(name);
                }

                current = child;
                continue;
            }

            if (current is not JsonArray array)
            {
                return false;
            }

            var index = FindItem(array, element, listTypes(names));
            if (index < 0)
            {
                return false;
            }

            if (last)
            {
                array.RemoveAt(index);
                return true;
            }

            current = array[index];
        }

        return false;
    }

    private static int FindItem(JsonArray array, string element, ListTypeInfo info)
    {
        if (element.StartsWith("i:", StringComparison.Ordinal))
        {
            return int.TryParse(element[2..], out var i) && i >= 0 && i < array.Count ? i : -1;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var candidate = element[0] == 'k'
                ? (ItemKey(array[i], info) is { } key ? "k:" + FieldPath.Json(key) : null)
                : "v:" + FieldPath.Json(array[i]);
            if (string.Equals(candidate, element, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Walk(JsonNode? node, FieldPath path, string names, ListTypeResolver listTypes, Dictionary<FieldPath, FieldValue> result)
    {
        switch (node)
        {
            case JsonObject { Count: > 0 } when listTypes(names).Type == ListType.AtomicObject:
                break;
            case JsonObject obj:
                // An empty map owns nothing: owning it would let a later apply remove the whole map.
                foreach (var (name, value) in obj)
                {
                    Walk(value, path.Field(name), names + "." + name, listTypes, result);
                }

                return;
            case JsonArray array when array.Count > 0:
                var info = listTypes(names);
                if (info.Type == ListType.Set && array.All(item => item is JsonValue))
                {
                    foreach (var item in array)
                    {
                        result[path.Value(item)] = new FieldValue(item, IsItem: false);
                    }

                    return;
                }

                if (info.Type == ListType.Map && TryWalkMapList(array, info, path, names, listTypes, result))
                {
                    return;
                }

                break;
        }

        result[path] = new FieldValue(node, IsItem: false);
    }

    private static bool TryWalkMapList(
        JsonArray array, ListTypeInfo info, FieldPath path, string names, ListTypeResolver listTypes, Dictionary<FieldPath, FieldValue> result)
    {
        var items = new List<(FieldPath Path, JsonObject Item)>();
        var seen = new HashSet<FieldPath>();
        foreach (var item in array)
        {
            if (ItemKey(item, info) is not { } key || !seen.Add(path.Key(key)))
            {
                return false;
            }

            items.Add((path.Key(key), (JsonObject)item!));
        }

        foreach (var (itemPath, item) in items)
        {
            result[itemPath] = new FieldValue(null, IsItem: true);
            foreach (var (name, value) in item)
            {
                Walk(value, itemPath.Field(name), names + "." + name, listTypes, result);
            }
        }

        return true;
    }

    /// <summary>True for JSON scalars (what a set list may hold).</summary>
    public static bool IsScalar(JsonNode? node) => node is null || node.GetValueKind() is not (JsonValueKind.Object or JsonValueKind.Array);
}
