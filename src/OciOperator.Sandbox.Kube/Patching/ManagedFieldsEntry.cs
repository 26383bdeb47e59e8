using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>One <c>metadata.managedFields</c> entry: who owns which fields, through which operation.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string? ApiVersion, string? Time, string? Subresource, FieldSet Fields)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    /// <summary>True when <paramref name="other"/> is the same manager identity (Apply: manager + subresource; Update: also apiVersion).</summary>
    public bool SameIdentity(string manager, string operation, string? apiVersion, string? subresource) =>
        string.Equals(Manager, manager, StringComparison.Ordinal)
        && string.Equals(Operation, operation, StringComparison.Ordinal)
        && string.Equals(Subresource ?? string.Empty, subresource ?? string.Empty, StringComparison.Ordinal)
        && (operation == ApplyOperation || string.Equals(ApiVersion, apiVersion, StringComparison.Ordinal));

    /// <summary>The manager as the apiserver names it in conflicts: <c>"m"</c>, <c>with subresource "status"</c>, <c>using v1</c>.</summary>
    public string Describe()
    {
        var text = Quote(Manager);
        if (!string.IsNullOrEmpty(Subresource))
        {
            text += " with subresource " + Quote(Subresource);
        }

        return Operation == UpdateOperation ? text + " using " + ApiVersion : text;
    }

    /// <summary>The entry as the apiserver serialises it (Go field order).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
        };
        if (ApiVersion is not null)
        {
            json["apiVersion"] = ApiVersion;
        }

        if (Time is not null)
        {
            json["time"] = Time;
        }

        json["fieldsType"] = "FieldsV1";
        json["fieldsV1"] = Fields.ToFieldsV1();
        if (!string.IsNullOrEmpty(Subresource))
        {
            json["subresource"] = Subresource;
        }

        return json;
    }

    /// <summary>RFC 3339 with whole seconds in UTC, as <c>metav1.Time</c> serialises.</summary>
    public static string FormatTime(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses <c>metadata.managedFields</c>. Returns null when the value is not a well-formed list (callers then fall
    /// back to the stored entries, as the apiserver does). Entries without a manager are dropped (the <c>[{}]</c> reset).
    /// </summary>
    public static List<ManagedFieldsEntry>? TryParseList(JsonNode? managedFields)
    {
        if (managedFields is not JsonArray array)
        {
            return null;
        }

        var entries = new List<ManagedFieldsEntry>();
        foreach (var item in array)
        {
            if (item is not JsonObject obj)
            {
                return null;
            }

            var manager = Text(obj["manager"]);
            var operation = Text(obj["operation"]);
            if (string.IsNullOrEmpty(manager) || operation is not (ApplyOperation or UpdateOperation))
            {
                continue;
            }

            if (obj["fieldsV1"] is { } fields && fields is not JsonObject)
            {
                return null;
            }

            entries.Add(new ManagedFieldsEntry(
                manager, operation, Text(obj["apiVersion"]), Text(obj["time"]), Text(obj["subresource"]),
                FieldSet.FromFieldsV1(obj["fieldsV1"] as JsonObject)));
        }

        return entries;
    }

    /// <summary>The list as JSON, entries with no fields left dropped.</summary>
    /// <summary>
    /// The list as JSON in the apiserver's order (operation, then time, manager, apiVersion, subresource:
    /// <c>sortEncodedManagedFields</c>), entries with no fields left dropped.
    /// </summary>
    public static JsonArray ToJsonArray(IEnumerable<ManagedFieldsEntry> entries) =>
        [.. entries
            .Where(e => !e.Fields.IsEmpty)
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => DateTimeOffset.TryParse(e.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUnixTimeSeconds() : 0)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource ?? string.Empty, StringComparer.Ordinal)
            .Select(e => (JsonNode)e.ToJson())];

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
