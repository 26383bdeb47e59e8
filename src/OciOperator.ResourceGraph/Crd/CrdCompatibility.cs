using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Crd;

/// <summary>
/// Compares the served schemas of an existing instance CRD and the one an RGD now generates (kro
/// <c>pkg/graph/crd/compat</c>): removed properties, changed types, newly required fields, narrowed enums, changed
/// patterns and tightened bounds are breaking; added optional properties are not.
/// </summary>
public static class CrdCompatibility
{
    private const int MaxDepth = 64;

    public static IReadOnlyList<CrdChange> Compare(JsonObject oldCrd, JsonObject newCrd)
    {
        ArgumentNullException.ThrowIfNull(oldCrd);
        ArgumentNullException.ThrowIfNull(newCrd);
        var changes = new List<CrdChange>();
        var newVersions = Versions(newCrd);
        foreach (var (name, oldSchema) in Versions(oldCrd))
        {
            if (!newVersions.TryGetValue(name, out var newSchema))
            {
                changes.Add(new CrdChange(CrdChangeKind.VersionRemoved, name, $"version {name} is no longer served"));
                continue;
            }

            CompareSchema(oldSchema, newSchema, string.Empty, changes, 0);
        }

        return changes;
    }

    /// <summary>kro's message for refused changes, or null when none is breaking.</summary>
    public static string? BreakingMessage(string crdName, IReadOnlyList<CrdChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var breaking = changes.Where(c => c.Breaking).ToList();
        return breaking.Count == 0
            ? null
            : $"cannot update CRD {crdName}: breaking changes detected: {string.Join("; ", breaking)}";
    }

    private static Dictionary<string, JsonObject> Versions(JsonObject crd)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var version in crd["spec"]?["versions"] as JsonArray ?? [])
        {
            if (version?["name"]?.GetValue<string>() is { } name && version["schema"]?["openAPIV3Schema"] is JsonObject schema)
            {
                result[name] = schema;
            }
        }

        return result;
    }

    private static void CompareSchema(JsonObject oldSchema, JsonObject newSchema, string path, List<CrdChange> changes, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var where = path.Length == 0 ? "." : path;
        var oldType = oldSchema["type"]?.GetValue<string>();
        var newType = newSchema["type"]?.GetValue<string>();
        if (oldType != newType)
        {
            changes.Add(new CrdChange(CrdChangeKind.TypeChanged, where, $"type changed from {oldType ?? "any"} to {newType ?? "any"}"));
            return;
        }

        CompareConstraints(oldSchema, newSchema, where, changes);
        var oldProperties = oldSchema["properties"] as JsonObject ?? [];
        var newProperties = newSchema["properties"] as JsonObject ?? [];
        foreach (var (name, oldChild) in oldProperties)
        {
            var childPath = $"{path}.{name}";
            if (newProperties[name] is not JsonObject newChild)
            {
                changes.Add(new CrdChange(CrdChangeKind.PropertyRemoved, childPath, "property removed"));
            }
            else if (oldChild is JsonObject oldChildSchema)
            {
                CompareSchema(oldChildSchema, newChild, childPath, changes, depth + 1);
            }
        }

        foreach (var (name, _) in newProperties)
        {
            if (!oldProperties.ContainsKey(name))
            {
                changes.Add(new CrdChange(CrdChangeKind.PropertyAdded, $"{path}.{name}", "property added"));
            }
        }

        var oldRequired = Strings(oldSchema["required"]);
        foreach (var required in Strings(newSchema["required"]).Where(r => !oldRequired.Contains(r)))
        {
            changes.Add(new CrdChange(CrdChangeKind.RequiredAdded, $"{path}.{required}", "field became required"));
        }

        if (oldSchema["items"] is JsonObject oldItems && newSchema["items"] is JsonObject newItems)
        {
            CompareSchema(oldItems, newItems, path + "[]", changes, depth + 1);
        }

        if (oldSchema["additionalProperties"] is JsonObject oldValues && newSchema["additionalProperties"] is JsonObject newValues)
        {
            CompareSchema(oldValues, newValues, path + "{}", changes, depth + 1);
        }
    }

    private static void CompareConstraints(JsonObject oldSchema, JsonObject newSchema, string where, List<CrdChange> changes)
    {
        if (newSchema["enum"] is JsonArray newEnum)
        {
            var allowed = newEnum.Select(v => v?.ToJsonString()).ToHashSet();
            var oldEnum = oldSchema["enum"] as JsonArray;
            var lost = oldEnum?.Select(v => v?.ToJsonString()).Where(v => !allowed.Contains(v)).ToList();
            if (oldEnum is null || lost!.Count > 0)
            {
                changes.Add(new CrdChange(CrdChangeKind.EnumRestricted, where,
                    oldEnum is null ? "enum added" : $"enum values removed: {string.Join(", ", lost!)}"));
            }
        }

        var oldPattern = oldSchema["pattern"]?.GetValue<string>();
        var newPattern = newSchema["pattern"]?.GetValue<string>();
        if (newPattern is not null && oldPattern != newPattern)
        {
            changes.Add(oldPattern is null
                ? new CrdChange(CrdChangeKind.PatternAdded, where, $"pattern {newPattern} added")
                : new CrdChange(CrdChangeKind.PatternChanged, where, $"pattern changed from {oldPattern} to {newPattern}"));
        }

        Bound(oldSchema, newSchema, "minimum", larger: true, CrdChangeKind.MinimumTightened, where, changes);
        Bound(oldSchema, newSchema, "maximum", larger: false, CrdChangeKind.MaximumTightened, where, changes);
        Bound(oldSchema, newSchema, "minLength", larger: true, CrdChangeKind.LengthTightened, where, changes);
        Bound(oldSchema, newSchema, "maxLength", larger: false, CrdChangeKind.LengthTightened, where, changes);
        Bound(oldSchema, newSchema, "minItems", larger: true, CrdChangeKind.ItemsTightened, where, changes);
        Bound(oldSchema, newSchema, "maxItems", larger: false, CrdChangeKind.ItemsTightened, where, changes);
    }

    /// <summary>A bound is tightened when it appears, or moves up (minimums) or down (maximums).</summary>
    private static void Bound(JsonObject oldSchema, JsonObject newSchema, string key, bool larger, CrdChangeKind kind, string where, List<CrdChange> changes)
    {
        if (Number(newSchema[key]) is not { } next)
        {
            return;
        }

        var tightened = Number(oldSchema[key]) is not { } previous || (larger ? next > previous : next < previous);
        if (tightened)
        {
            changes.Add(new CrdChange(kind, where, $"{key} tightened to {next}"));
        }
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static HashSet<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(v => v?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
