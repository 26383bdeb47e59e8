using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>) with managed-field bookkeeping: the applier's field set
/// becomes exactly what it applied; fields it applied before and no longer applies are removed unless another
/// manager owns them; setting a field another manager owns to a different value is a 409 conflict unless forced
/// (forcing takes the field over); applying the same value shares ownership.
/// </summary>
internal static partial class ServerSideApply
{
    /// <summary>The manager the apiserver assigns to fields of an object that had no managedFields before its first apply.</summary>
    public const string BeforeFirstApplyManager = "before-first-apply";

    /// <summary>
    /// Applies <paramref name="applied"/> (already decoded from YAML; its apiVersion/kind checked by the caller) to
    /// <paramref name="live"/> (null → create). <paramref name="subresource"/> is <c>"status"</c> for an apply to
    /// <c>/status</c> (only <c>.status</c> is taken); <paramref name="hasStatusSubresource"/> makes an apply to the main
    /// resource ignore <c>.status</c>. Throws <see cref="PatchException"/> 409 with the conflicts unless
    /// <paramref name="force"/>, 400 if the configuration carries <c>metadata.managedFields</c>. Inputs are not modified.
    /// </summary>
    public static ApplyResult Apply(
        JsonObject? live,
        JsonObject applied,
        string fieldManager,
        bool force,
        DateTimeOffset now,
        ListTypeResolver listTypes,
        string? subresource = null,
        bool hasStatusSubresource = false)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(listTypes);
        if (string.IsNullOrEmpty(fieldManager))
        {
            throw PatchException.Unprocessable("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        }

        if (applied["metadata"] is JsonObject appliedMetadata && appliedMetadata["managedFields"] is not null)
        {
            throw PatchException.BadRequest("metadata.managedFields must be nil");
        }

        var scope = new ApplyScope(subresource, hasStatusSubresource);
        var configuration = scope.Restrict(applied);
        var apiVersion = (applied["apiVersion"] as JsonValue)?.ToString() ?? (live?["apiVersion"] as JsonValue)?.ToString();
        var entries = ExistingEntries(live, apiVersion, now, listTypes, scope);

        var appliedSet = new FieldSet(ObjectFields.Flatten(configuration, listTypes).Keys.Where(scope.Contains));
        var merged = ApplyMerge.Merge(live, configuration, listTypes);
        var changed = Changed(ObjectFields.Flatten(live, listTypes), ObjectFields.Flatten(merged, listTypes), scope);

        var conflicts = new List<(ManagedFieldsEntry Owner, FieldPath Path)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.SameIdentity(fieldManager, ManagedFieldsEntry.ApplyOperation, apiVersion, subresource))
            {
                continue;
            }

            var contested = entry.Fields.Intersect(changed);
            if (contested.IsEmpty)
            {
                continue;
            }

            conflicts.AddRange(contested.Paths.Select(p => (entry, p)));
            entries[i] = entry with { Fields = entry.Fields.Except(contested) };
        }

        if (conflicts.Count > 0 && !force)
        {
            throw ConflictError(conflicts);
        }

        var mine = entries.FindIndex(e => e.SameIdentity(fieldManager, ManagedFieldsEntry.ApplyOperation, apiVersion, subresource));
        var previous = mine >= 0 ? entries[mine].Fields : FieldSet.Empty;
        var others = entries.Where((_, index) => index != mine).ToList();
        foreach (var path in previous.Except(appliedSet).Paths.OrderByDescending(p => p.Length))
        {
            if (!others.Any(o => o.Fields.ContainsOrHasDescendant(path)) && !appliedSet.Paths.Any(path.IsPrefixOf) && !IsItemKeyField(path))
            {
                ObjectFields.Remove(merged, path, listTypes);
            }
        }

        var applierEntry = new ManagedFieldsEntry(
            fieldManager, ManagedFieldsEntry.ApplyOperation, apiVersion, ManagedFieldsEntry.FormatTime(now), subresource, appliedSet);
        if (mine >= 0)
        {
            entries[mine] = applierEntry;
        }
        else
        {
            entries.Add(applierEntry);
        }

        var managedFields = TimestampOnlyChange(live, merged, ManagedFieldsEntry.ToJsonArray(entries));
        var metadata = merged["metadata"] as JsonObject ?? new JsonObject();
        metadata["managedFields"] = managedFields.DeepClone();
        merged["metadata"] = metadata;
        return new ApplyResult(merged, managedFields);
    }

    private static List<ManagedFieldsEntry> ExistingEntries(JsonObject? live, string? apiVersion, DateTimeOffset now, ListTypeResolver listTypes, ApplyScope scope)
    {
        if (live is null)
        {
            return [];
        }

        var entries = ManagedFieldsEntry.TryParseList(live["metadata"]?["managedFields"]);
        if (entries is { Count: > 0 })
        {
            return entries;
        }

        var owned = new FieldSet(ObjectFields.Flatten(live, listTypes).Keys.Where(scope.Contains));
        return owned.IsEmpty
            ? []
            : [new ManagedFieldsEntry(
                BeforeFirstApplyManager, ManagedFieldsEntry.UpdateOperation, (live["apiVersion"] as JsonValue)?.ToString() ?? apiVersion,
                ManagedFieldsEntry.FormatTime(now), scope.Subresource, owned)];
    }

    /// <summary>
    /// A re-apply that changes nothing but managedFields timestamps keeps the stored managedFields, so the write is a
    /// no-op (the apiserver's <c>IgnoreManagedFieldsTimestampsTransformer</c>).
    /// </summary>
    private static JsonArray TimestampOnlyChange(JsonObject? live, JsonObject merged, JsonArray managedFields)
    {
        if (live?["metadata"]?["managedFields"] is not JsonArray stored)
        {
            return managedFields;
        }

        var before = (JsonObject)live.DeepClone();
        var after = (JsonObject)merged.DeepClone();
        (before["metadata"] as JsonObject)?.Remove("managedFields");
        (after["metadata"] as JsonObject)?.Remove("managedFields");
        return JsonEquality.Equal(before, after) && JsonEquality.Equal(WithoutTimes(stored), WithoutTimes(managedFields))
            ? (JsonArray)stored.DeepClone()
            : managedFields;
    }

    private static JsonArray WithoutTimes(JsonArray entries)
    {
        var copy = (JsonArray)entries.DeepClone();
        foreach (var entry in copy.OfType<JsonObject>())
        {
            entry.Remove("time");
        }

        return copy;
    }

    /// <summary>A key field of a list item (<c>[name="x"].name</c>): removed only with its item, never alone.</summary>
    private static bool IsItemKeyField(FieldPath path)
    {
        if (path.Length < 2 || !path.Elements[^2].StartsWith("k:", StringComparison.Ordinal) || !path.Elements[^1].StartsWith("f:", StringComparison.Ordinal))
        {
            return false;
        }

        return JsonNode.Parse(path.Elements[^2][2..]) is JsonObject key && key.ContainsKey(path.Elements[^1][2..]);
    }

    /// <summary>Paths whose value the apply adds or changes (list items count when added).</summary>
    internal static FieldSet Changed(Dictionary<FieldPath, FieldValue> before, Dictionary<FieldPath, FieldValue> after, ApplyScope scope) =>
        new(after.Where(pair => scope.Contains(pair.Key)
                && (!before.TryGetValue(pair.Key, out var old) || (!pair.Value.IsItem && !JsonEquality.Equal(old.Value, pair.Value.Value))))
            .Select(pair => pair.Key));
}
