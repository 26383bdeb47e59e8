using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Events;

/// <summary>
/// Records Kubernetes Events about objects: events.k8s.io/v1 first, falling back to core/v1 when that API is not
/// served; repeats are aggregated into one Event (series count) instead of a flood. Recording is best-effort:
/// failures are logged, never thrown into a reconcile. Notes are truncated to the API's 1024 characters.
/// </summary>
public sealed partial class EventRecorder(IKubeApi api, string reportingController, string reportingInstance, TimeProvider time, ILogger<EventRecorder> logger)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    internal static readonly ResourceType EventsV1 = new("events.k8s.io", "v1", "Event", "events");
    internal static readonly ResourceType CoreEvents = new(string.Empty, "v1", "Event", "events");

    private readonly EventAggregator _aggregator = new(time);
    private volatile bool _useCore;

    /// <summary>True once the recorder fell back to core/v1 Events.</summary>
    public bool UsesCoreEvents => _useCore;

    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, string type, string reason, string action, string note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        note = note.Length > 1024 ? note[..1024] : note;
        var key = new EventKey(regarding.Metadata.Uid ?? regarding.Metadata.Name, type, reason, action, note);
        var observation = _aggregator.Observe(key, regarding.Metadata.Name);
        try
        {
            await WriteAsync(regarding, type, reason, action, note, key, observation, ct).ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.IsNotFound && !_useCore && IsApiMissing(ex))
        {
            _useCore = true;
            LogFallback(logger);
            await TryWriteAsync(regarding, type, reason, action, note, key, observation, ct).ConfigureAwait(false);
        }
        catch (KubeApiException ex)
        {
            LogRecordFailed(logger, reason, regarding.Metadata.NamespaceProperty, regarding.Metadata.Name, ex);
        }
    }

    // A 404 for the collection itself (no Status details naming our event) means the API group is not served.
    private static bool IsApiMissing(KubeApiException ex) => string.IsNullOrEmpty(ex.Status?.Details?.Name);

    private static string MicroTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task TryWriteAsync(IKubernetesObject<V1ObjectMeta> regarding, string type, string reason, string action, string note, EventKey key, EventObservation observation, CancellationToken ct)
    {
        try
        {
            await WriteAsync(regarding, type, reason, action, note, key, observation, ct).ConfigureAwait(false);
        }
        catch (KubeApiException ex)
        {
            LogRecordFailed(logger, reason, regarding.Metadata.NamespaceProperty, regarding.Metadata.Name, ex);
        }
    }

    private async Task WriteAsync(IKubernetesObject<V1ObjectMeta> regarding, string type, string reason, string action, string note, EventKey key, EventObservation observation, CancellationToken ct)
    {
        var ns = string.IsNullOrEmpty(regarding.Metadata.NamespaceProperty) ? "default" : regarding.Metadata.NamespaceProperty;
        var resource = _useCore ? CoreEvents : EventsV1;
        if (!observation.IsNew)
        {
            var patch = _useCore
                ? new JsonObject { ["count"] = observation.Count, ["lastTimestamp"] = Time(observation.LastSeen) }
                : new JsonObject { ["series"] = new JsonObject { ["count"] = observation.Count, ["lastObservedTime"] = MicroTime(observation.LastSeen) } };
            try
            {
                await api.PatchAsync<UnstructuredObject>(resource, ns, observation.Name, PatchKind.Merge, patch.ToJsonString(), status: false, ct).ConfigureAwait(false);
                return;
            }
            catch (KubeApiException ex) when (ex.IsNotFound && ex.Status?.Details?.Name == observation.Name)
            {
                // The Event was deleted (TTL); start a new series.
                _aggregator.Forget(key);
                observation = _aggregator.Observe(key, regarding.Metadata.Name);
            }
        }

        var reference = new JsonObject
        {
            ["apiVersion"] = regarding.ApiVersion,
            ["kind"] = regarding.Kind,
            ["name"] = regarding.Metadata.Name,
            ["namespace"] = regarding.Metadata.NamespaceProperty,
            ["uid"] = regarding.Metadata.Uid,
            ["resourceVersion"] = regarding.Metadata.ResourceVersion,
        };
        var body = _useCore
            ? new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject { ["name"] = observation.Name, ["namespace"] = ns },
                ["involvedObject"] = reference,
                ["type"] = type,
                ["reason"] = reason,
                ["action"] = action,
                ["message"] = note,
                ["count"] = 1,
                ["firstTimestamp"] = Time(observation.FirstSeen),
                ["lastTimestamp"] = Time(observation.LastSeen),
                ["source"] = new JsonObject { ["component"] = reportingController },
                ["reportingComponent"] = reportingController,
                ["reportingInstance"] = reportingInstance,
            }
            : new JsonObject
            {
                ["apiVersion"] = "events.k8s.io/v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject { ["name"] = observation.Name, ["namespace"] = ns },
                ["regarding"] = reference,
                ["type"] = type,
                ["reason"] = reason,
                ["action"] = action,
                ["note"] = note,
                ["eventTime"] = MicroTime(observation.FirstSeen),
                ["reportingController"] = reportingController,
                ["reportingInstance"] = reportingInstance,
            };
        await api.CreateAsync(resource, new UnstructuredObject(body), ct).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "events.k8s.io/v1 is not served; recording core/v1 Events")]
    private static partial void LogFallback(ILogger logger);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Could not record event {Reason} for {Namespace}/{Name}")]
    private static partial void LogRecordFailed(ILogger logger, string reason, string? @namespace, string name, Exception exception);
}
