using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Selectors;

/// <summary>
/// Field labels of the built-in kinds (<c>k8s: pkg/apis/core/v1/conversion.go</c>, <c>pkg/apis/batch/v1/conversion.go</c>,
/// <c>pkg/apis/events/v1/conversion.go</c> and each registry strategy's <c>ToSelectableFields</c>). Objects are read in
/// their stored form: Events are stored as core/v1, so events.k8s.io labels map onto the core fields.
/// </summary>
internal static class BuiltInFieldLabels
{
    /// <summary>core/v1 Event: <c>pkg/registry/core/event/strategy.go ToSelectableFields</c>.</summary>
    public static FieldLabels CoreEvent { get; } = FieldLabels.Metadata.With(new Dictionary<string, Func<JsonObject, string>>(StringComparer.Ordinal)
    {
        ["involvedObject.kind"] = o => FieldLabels.Path(o, "involvedObject.kind"),
        ["involvedObject.namespace"] = o => FieldLabels.Path(o, "involvedObject.namespace"),
        ["involvedObject.name"] = o => FieldLabels.Path(o, "involvedObject.name"),
        ["involvedObject.uid"] = o => FieldLabels.Path(o, "involvedObject.uid"),
        ["involvedObject.apiVersion"] = o => FieldLabels.Path(o, "involvedObject.apiVersion"),
        ["involvedObject.resourceVersion"] = o => FieldLabels.Path(o, "involvedObject.resourceVersion"),
        ["involvedObject.fieldPath"] = o => FieldLabels.Path(o, "involvedObject.fieldPath"),
        ["reason"] = o => FieldLabels.Path(o, "reason"),
        ["reportingComponent"] = o => FieldLabels.Path(o, "reportingComponent"),
        ["source"] = EventSource,
        ["type"] = o => FieldLabels.Path(o, "type"),
    });

    /// <summary>events.k8s.io/v1 Event: its labels renamed onto the stored core/v1 fields.</summary>
    public static FieldLabels EventsV1Event { get; } = new(new Dictionary<string, Func<JsonObject, string>>(StringComparer.Ordinal)
    {
        ["metadata.name"] = o => CoreEvent.Read(o, "metadata.name"),
        ["metadata.namespace"] = o => CoreEvent.Read(o, "metadata.namespace"),
        ["regarding.kind"] = o => CoreEvent.Read(o, "involvedObject.kind"),
        ["regarding.namespace"] = o => CoreEvent.Read(o, "involvedObject.namespace"),
        ["regarding.name"] = o => CoreEvent.Read(o, "involvedObject.name"),
        ["regarding.uid"] = o => CoreEvent.Read(o, "involvedObject.uid"),
        ["regarding.apiVersion"] = o => CoreEvent.Read(o, "involvedObject.apiVersion"),
        ["regarding.resourceVersion"] = o => CoreEvent.Read(o, "involvedObject.resourceVersion"),
        ["regarding.fieldPath"] = o => CoreEvent.Read(o, "involvedObject.fieldPath"),
        ["reason"] = o => CoreEvent.Read(o, "reason"),
        ["reportingController"] = o => CoreEvent.Read(o, "reportingComponent"),
        ["source"] = o => CoreEvent.Read(o, "source"),
        ["type"] = o => CoreEvent.Read(o, "type"),
    });

    /// <summary>Namespace: only <c>metadata.name</c> and <c>status.phase</c> (no <c>metadata.namespace</c>).</summary>
    public static FieldLabels Namespace { get; } = new(new Dictionary<string, Func<JsonObject, string>>(StringComparer.Ordinal)
    {
        ["metadata.name"] = o => FieldLabels.Path(o, "metadata.name"),
        ["status.phase"] = o => FieldLabels.Path(o, "status.phase"),
    });

    public static FieldLabels Secret { get; } = FieldLabels.Metadata.With(new Dictionary<string, Func<JsonObject, string>>(StringComparer.Ordinal)
    {
        ["type"] = o => FieldLabels.Path(o, "type"),
    });

    public static FieldLabels Service { get; } = FieldLabels.Metadata.With(new Dictionary<string, Func<JsonObject, string>>(StringComparer.Ordinal)
    {
        ["spec.clusterIP"] = o => FieldLabels.Path(o, "spec.clusterIP"),
        ["spec.type"] = o => FieldLabels.Path(o, "spec.type"),
    });

    /// <summary>Pod: <c>pkg/registry/core/pod/strategy.go ToSelectableFields</c>; <c>spec.host</c> is the old name of nodeName.</summary>
    public static FieldLabels Pod { get; } = FieldLabels.Metadata.With(new Dictionary<string, Func<JsonObject, string>>(StringComparer.Ordinal)
    {
        ["spec.nodeName"] = o => FieldLabels.Path(o, "spec.nodeName"),
        ["spec.host"] = o => FieldLabels.Path(o, "spec.nodeName"),
        ["spec.restartPolicy"] = o => FieldLabels.Path(o, "spec.restartPolicy"),
        ["spec.schedulerName"] = o => FieldLabels.Path(o, "spec.schedulerName"),
        ["spec.serviceAccountName"] = o => FieldLabels.Path(o, "spec.serviceAccountName"),
        ["spec.hostNetwork"] = o => FieldLabels.Path(o, "spec.hostNetwork") is "true" ? "true" : "false",
        ["status.phase"] = o => FieldLabels.Path(o, "status.phase"),
        ["status.podIP"] = PodIp,
        // Accepted by the label conversion but not part of the selectable set: it always reads as empty.
        ["status.podIPs"] = _ => "",
        ["status.nominatedNodeName"] = o => FieldLabels.Path(o, "status.nominatedNodeName"),
    });

    /// <summary>Job: <c>status.successful</c> is <c>status.succeeded</c> as a decimal (0 when unset).</summary>
    public static FieldLabels Job { get; } = FieldLabels.Metadata.With(new Dictionary<string, Func<JsonObject, string>>(StringComparer.Ordinal)
    {
        ["status.successful"] = o => FieldLabels.Path(o, "status.succeeded") is { Length: > 0 } n ? n : "0",
    });

    /// <summary>The component that reported a core Event: <c>source.component</c>, else <c>reportingComponent</c>.</summary>
    private static string EventSource(JsonObject o) =>
        FieldLabels.Path(o, "source.component") is { Length: > 0 } component ? component : FieldLabels.Path(o, "reportingComponent");

    /// <summary>The first of <c>status.podIPs</c>, as the internal Pod holds it (v1 <c>status.podIP</c> when podIPs is unset).</summary>
    private static string PodIp(JsonObject o) =>
        o["status"]?["podIPs"] is JsonArray { Count: > 0 } ips && ips[0] is JsonObject first
            ? FieldLabels.Path(first, "ip")
            : FieldLabels.Path(o, "status.podIP");
}
