using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>
/// Converts Events between core/v1 (the stored form) and events.k8s.io/v1, field for field as
/// <c>k8s: pkg/apis/events/v1/conversion.go</c> does: involvedObject↔regarding, message↔note,
/// reportingComponent↔reportingController, source↔deprecatedSource, firstTimestamp/lastTimestamp/count ↔
/// deprecatedFirstTimestamp/deprecatedLastTimestamp/deprecatedCount; metadata, eventTime, series, action, reason,
/// type, related and reportingInstance keep their names. Fields the target version does not know are dropped, as
/// decoding into the typed object does. Inputs are never mutated.
/// </summary>
internal static class EventConversion
{
    public const string CoreApiVersion = "v1";
    public const string EventsApiVersion = "events.k8s.io/v1";

    /// <summary>(core/v1 name, events.k8s.io/v1 name), in the order the fields are written.</summary>
    private static readonly (string Core, string Events)[] Fields =
    [
        ("metadata", "metadata"),
        ("eventTime", "eventTime"),
        ("series", "series"),
        ("reportingComponent", "reportingController"),
        ("reportingInstance", "reportingInstance"),
        ("action", "action"),
        ("reason", "reason"),
        ("involvedObject", "regarding"),
        ("related", "related"),
        ("message", "note"),
        ("type", "type"),
        ("source", "deprecatedSource"),
        ("firstTimestamp", "deprecatedFirstTimestamp"),
        ("lastTimestamp", "deprecatedLastTimestamp"),
        ("count", "deprecatedCount"),
    ];

    public static bool IsCore(JsonObject obj) => obj["apiVersion"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
        && (string?)obj["apiVersion"] == CoreApiVersion;

    /// <summary>An events.k8s.io/v1 view of a core/v1 Event.</summary>
    public static JsonObject ToEventsV1(JsonObject core) => Convert(core, EventsApiVersion, toEvents: true);

    /// <summary>The core/v1 (stored) form of an events.k8s.io/v1 Event.</summary>
    public static JsonObject ToCore(JsonObject events) => Convert(events, CoreApiVersion, toEvents: false);

    private static JsonObject Convert(JsonObject source, string apiVersion, bool toEvents)
    {
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = "Event" };
        foreach (var (core, events) in Fields)
        {
            var (from, to) = toEvents ? (core, events) : (events, core);
            if (source[from] is { } value)
            {
                result[to] = value.DeepClone();
            }
        }

        return result;
    }
}
