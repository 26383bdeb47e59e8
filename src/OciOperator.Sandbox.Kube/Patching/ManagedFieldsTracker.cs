using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// managedFields bookkeeping for non-apply writes (POST, PUT, JSON/merge/strategic patch): the fields the write
/// adds or changes become owned by the writer's <c>Update</c> entry (manager + apiVersion + subresource) and are taken
/// from every other manager; fields the write removes leave every manager's set.
/// </summary>
internal static class ManagedFieldsTracker
{
    /// <summary>
    /// Returns the managedFields list for <paramref name="newObj"/> after a write by <paramref name="manager"/>
    /// (<paramref name="oldObj"/> null for a create). The base is the managedFields the request carries when it
    /// carries a non-empty list (<c>[{}]</c> resets tracking), else those of <paramref name="oldObj"/>.
    /// <paramref name="listTypes"/> defaults to the built-in table for newObj's apiVersion/kind. Inputs are not modified.
    /// </summary>
    public static JsonArray RecordUpdate(
        JsonObject? oldObj,
        JsonObject newObj,
        string manager,
        string operation,
        DateTimeOffset now,
        string apiVersion,
        string? subresource,
        ListTypeResolver? listTypes = null)
    {
        ArgumentNullException.ThrowIfNull(newObj);
        ArgumentException.ThrowIfNullOrEmpty(manager);
        listTypes ??= BuiltInListTypes.For(
            (newObj["apiVersion"] as JsonValue)?.ToString() ?? apiVersion, (newObj["kind"] as JsonValue)?.ToString() ?? string.Empty);

        var requested = newObj["metadata"]?["managedFields"] is JsonArray { Count: > 0 } carried
            ? ManagedFieldsEntry.TryParseList(carried)
            : null;
        var entries = requested ?? ManagedFieldsEntry.TryParseList(oldObj?["metadata"]?["managedFields"]) ?? [];

        var before = ObjectFields.Flatten(oldObj, listTypes);
        var after = ObjectFields.Flatten(newObj, listTypes);
        var changed = ServerSideApply.Changed(before, after, new ApplyScope(null, HasStatusSubresource: false));
        var removed = new FieldSet(before.Keys.Where(p => !after.ContainsKey(p)));

        var mine = entries.FindIndex(e => e.SameIdentity(manager, operation, apiVersion, subresource));
        for (var i = 0; i < entries.Count; i++)
        {
            if (i != mine)
            {
                entries[i] = entries[i] with { Fields = entries[i].Fields.Except(changed).ExceptWithDescendants(removed) };
            }
        }

        if (mine >= 0)
        {
            var previous = entries[mine];
            var fields = previous.Fields.Union(changed).ExceptWithDescendants(removed);
            entries[mine] = changed.IsEmpty && fields.Count == previous.Fields.Count
                ? previous with { Fields = fields }
                : previous with { Fields = fields, Time = ManagedFieldsEntry.FormatTime(now) };
        }
        else if (!changed.IsEmpty)
        {
            entries.Add(new ManagedFieldsEntry(manager, operation, apiVersion, ManagedFieldsEntry.FormatTime(now), subresource, changed));
        }

        return ManagedFieldsEntry.ToJsonArray(entries);
    }
}
