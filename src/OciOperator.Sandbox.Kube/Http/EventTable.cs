using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// The apiserver's Event table (<c>k8s: pkg/printers/internalversion/printers.go printEvent</c>), the same for core/v1 and
/// events.k8s.io/v1: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, and with <c>-o wide</c> SUBOBJECT, SOURCE, FIRST SEEN,
/// COUNT and NAME (the name column comes last, so this table has no leading Name column).
/// </summary>
internal static class EventTable
{
    public static bool Handles(ResourceDescriptor d) => !d.IsCustom && d.Kind == "Event" && d.Group is "" or BuiltInResources.EventsGroup;

    public static IReadOnlyList<PrinterColumn> Columns { get; } =
    [
        Text("Last Seen"),
        Text("Type"),
        Text("Reason"),
        Text("Object"),
        Text("Subobject", 1),
        Text("Source", 1),
        Text("Message"),
        Text("First Seen", 1),
        Text("Count", 1),
        new("Name", "string", "name", PrinterColumns.NameDescription, 1, ""),
    ];

    /// <summary>The row cells of an Event in either version's form.</summary>
    public static JsonArray Cells(JsonObject eventObject, DateTimeOffset now)
    {
        var e = EventConversion.IsCore(eventObject) ? eventObject : EventConversion.ToCore(eventObject);
        var firstSeen = Since(e["firstTimestamp"], now) ?? Since(e["eventTime"], now) ?? "<unknown>";
        var lastSeen = Since(e["lastTimestamp"], now) ?? firstSeen;
        var count = ObjectMeta.Int64(e["count"]);
        if (e["series"] is JsonObject series)
        {
            lastSeen = Since(series["lastObservedTime"], now) ?? "<unknown>";
            count = ObjectMeta.Int64(series["count"]);
        }
        else if (count == 0)
        {
            count = 1;
        }

        var involved = e["involvedObject"] as JsonObject;
        var kind = Str(involved?["kind"]).ToLowerInvariant();
        var name = Str(involved?["name"]);
        var component = First(Str(e["source"]?["component"]), Str(e["reportingComponent"]));
        var instance = First(Str(e["source"]?["host"]), Str(e["reportingInstance"]));
        return new JsonArray(
            lastSeen,
            Str(e["type"]),
            Str(e["reason"]),
            name.Length > 0 ? kind + "/" + name : kind,
            Str(involved?["fieldPath"]),
            instance.Length == 0 ? component : component + ", " + instance,
            Str(e["message"]).Trim(),
            firstSeen,
            count,
            ObjectMeta.NameOf(e));
    }

    private static string? Since(JsonNode? timestamp, DateTimeOffset now) =>
        timestamp is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0
            ? Rfc3339.TryParse(text, out var at) ? HumanDuration.Format(now - at) : "<invalid>"
            : null;

    private static string First(string a, string b) => a.Length > 0 ? a : b;

    private static string Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static PrinterColumn Text(string name, int priority = 0) => new(name, "string", null, name, priority, "");
}
