using System.Globalization;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>Small readers for the <c>metadata</c> of a JSON object.</summary>
internal static class ObjectMeta
{
    public static JsonObject? Metadata(JsonObject obj) => obj["metadata"] as JsonObject;

    public static string? String(JsonObject obj, string field) =>
        Metadata(obj)?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string NameOf(JsonObject obj) => String(obj, "name") ?? "";

    public static string NamespaceOf(JsonObject obj) => String(obj, "namespace") ?? "";

    public static string UidOf(JsonObject obj) => String(obj, "uid") ?? "";

    public static bool IsDeleting(JsonObject obj) => String(obj, "deletionTimestamp") is not null;

    public static long ResourceVersionOf(JsonObject obj) =>
        long.TryParse(String(obj, "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : 0;

    public static IReadOnlyList<string> Finalizers(JsonObject obj) => Strings(Metadata(obj)?["finalizers"]);

    public static IReadOnlyList<string> Strings(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return [];
        }

        var list = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var s))
            {
                list.Add(s);
            }
        }

        return list;
    }

    /// <summary>UIDs named by <c>metadata.ownerReferences</c>.</summary>
    public static IReadOnlyList<string> OwnerUids(JsonObject obj)
    {
        if (Metadata(obj)?["ownerReferences"] is not JsonArray refs)
        {
            return [];
        }

        var list = new List<string>(refs.Count);
        foreach (var r in refs)
        {
            if (r is JsonObject o && o["uid"] is JsonValue v && v.TryGetValue<string>(out var uid) && uid.Length > 0)
            {
                list.Add(uid);
            }
        }

        return list;
    }

    /// <summary>An integer JSON value as long, whatever CLR type backs the node (0 when absent or not an integer).</summary>
    public static long Int64(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static JsonObject EnsureMetadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject m)
        {
            return m;
        }

        m = [];
        obj["metadata"] = m;
        return m;
    }
}
