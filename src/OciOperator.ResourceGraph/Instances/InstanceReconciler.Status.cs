using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// The instance status: projected fields, state, conditions with observedGeneration; written by server-side apply on
/// <c>/status</c> (field manager <c>kro.run/applyset</c>, force, as kro v0.10) only when it differs from the cached one.
/// A field left out of a later apply (a projection whose data went away) is removed by the API server.
/// </summary>
public sealed partial class InstanceReconciler
{
    private static readonly SecretRedactor SecretRedactorNone = new();

    private JsonObject StatusOf(JsonObject instance, InstanceRun? run, InstanceState state, (string Reason, string Message) resources, SecretRedactor redactor)
    {
        var generation = instance["metadata"]?["generation"]?.GetValue<long>() ?? 0;
        var old = instance["status"]?["conditions"] as JsonArray ?? [];
        var status = run?.Status.DeepClone().AsObject() ?? [];
        foreach (var key in status.Where(p => redactor.Reveals(p.Value)).Select(p => p.Key).ToList())
        {
            // A projected field that would carry a Secret's value is left out, as a field whose data is not there.
            status.Remove(key);
        }

        resources = (resources.Reason, redactor.Redact(resources.Message));
        if (run is null && instance["status"] is JsonObject previous)
        {
            foreach (var (key, value) in previous)
            {
                if (key is not ("state" or "conditions"))
                {
                    status[key] = value?.DeepClone();
                }
            }
        }

        var invalid = run?.InstanceErrors.Count > 0;
        var resourcesReady = state == InstanceState.Active;
        var builtIn = new List<JsonObject>
        {
            Condition(old, InstanceConditions.InstanceManaged, true, InstanceConditions.Managed, "instance is managed by kro", generation),
            Condition(old, InstanceConditions.GraphResolved, !invalid, invalid ? InstanceConditions.InvalidInstance : InstanceConditions.Resolved,
                invalid ? resources.Message : "runtime graph created and all resources resolved", generation),
            state == InstanceState.Deleting
                ? Condition(old, InstanceConditions.ResourcesReady, null, InstanceConditions.UnderDeletion, resources.Message, generation)
                : Condition(old, InstanceConditions.ResourcesReady, resourcesReady, resources.Reason, resources.Message, generation),
        };
        builtIn.Add(Condition(old, InstanceConditions.Ready, state == InstanceState.Deleting ? null : !invalid && resourcesReady,
            resourcesReady ? InstanceConditions.Ready : resources.Reason, resourcesReady ? "instance is ready" : resources.Message, generation));
        var conditions = graph.Conditions.Count > 0 && run is not null
            ? AuthorConditions(old, run, generation)
            : builtIn;
        foreach (var condition in conditions.Where(c => c["message"] is not null))
        {
            condition["message"] = redactor.Redact(condition["message"]!.GetValue<string>());
        }

        status["state"] = state.ToWire();
        status["conditions"] = new JsonArray([.. conditions]);
        return status;
    }

    private List<JsonObject> AuthorConditions(JsonArray old, InstanceRun run, long generation)
    {
        var conditions = new List<JsonObject>();
        foreach (var author in run.AuthorConditions)
        {
            var type = author["type"]!.GetValue<string>();
            var status = author["status"]!.GetValue<string>();
            conditions.Add(Condition(old, type, status == "Unknown" ? null : status == "True", author["reason"]?.GetValue<string>() ?? string.Empty,
                author["message"]?.GetValue<string>() ?? string.Empty, generation));
        }

        // A pending author condition keeps its previous value.
        var computed = conditions.Select(c => c["type"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        conditions.AddRange(old.OfType<JsonObject>().Where(c => !computed.Contains(c["type"]?.GetValue<string>() ?? string.Empty)
            && !IsBuiltIn(c["type"]?.GetValue<string>())).Select(c => c.DeepClone().AsObject()));
        return conditions;
    }

    private static bool IsBuiltIn(string? type) =>
        type is InstanceConditions.InstanceManaged or InstanceConditions.GraphResolved or InstanceConditions.ResourcesReady or InstanceConditions.Ready;

    private JsonObject Condition(JsonArray old, string type, bool? value, string reason, string message, long generation)
    {
        var status = value switch { true => "True", false => "False", null => "Unknown" };
        var previous = old.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);
        var since = previous?["status"]?.GetValue<string>() == status && previous["lastTransitionTime"] is { } t
            ? t.GetValue<string>()
            : time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["reason"] = reason,
            ["message"] = message,
            ["observedGeneration"] = generation,
            ["lastTransitionTime"] = since,
        };
    }

    /// <summary>Applies <paramref name="status"/> unless it equals the stored one; records an Event when the state changes.</summary>
    private async Task WriteStatusAsync(JsonObject instance, JsonObject status, CancellationToken ct)
    {
        if (instance["status"] is JsonObject current && JsonNode.DeepEquals(Canonical(current), Canonical(status)))
        {
            LogStatusUnchanged(_services.Logger, graph.Schema.Kind, Describe(instance));
            return;
        }

        var oldState = instance["status"]?["state"]?.GetValue<string>();
        var newState = status["state"]!.GetValue<string>();
        var metadata = new JsonObject { ["name"] = instance["metadata"]!["name"]!.GetValue<string>() };
        if (instance["metadata"]?["namespace"]?.GetValue<string>() is { } ns)
        {
            metadata["namespace"] = ns;
        }

        var apply = new JsonObject
        {
            ["apiVersion"] = instance["apiVersion"]?.GetValue<string>(),
            ["kind"] = instance["kind"]?.GetValue<string>(),
            ["metadata"] = metadata,
            ["status"] = status.DeepClone(),
        };
        var stored = await api.ApplyStatusAsync(InstanceType, apply, ct).ConfigureAwait(false);
        Wrote(InstanceType, instance, stored);
        var message = (status["conditions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == InstanceConditions.ResourcesReady)
            ?? status["conditions"]?.AsArray().OfType<JsonObject>().LastOrDefault())?["message"]?.GetValue<string>() ?? string.Empty;
        var error = newState == InstanceState.Error.ToWire();
        var oldMessage = instance["status"]?["conditions"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(c => c["type"]?.GetValue<string>() == InstanceConditions.ResourcesReady)?["message"]?.GetValue<string>();
        if (oldState != newState)
        {
            _services.Metrics?.StateChanged(Gvr, oldState, newState);
            LogStateChanged(_services.Logger, graph.Schema.Kind, Describe(instance), oldState ?? "(none)", newState, message);
            await api.RecordEventAsync(stored, error ? EventTypes.Warning : EventTypes.Normal, error ? EventReasons.Failed : EventReasons.StateChanged,
                $"state {oldState ?? "(none)"} -> {newState}: {message}", ct).ConfigureAwait(false);
        }
        else if (error && oldMessage != message)
        {
            // Still in ERROR, for another reason: say so once.
            await api.RecordEventAsync(stored, EventTypes.Warning, EventReasons.Failed, message, ct).ConfigureAwait(false);
        }

        if (error)
        {
            LogInError(_services.Logger, graph.Schema.Kind, Describe(instance), message);
        }
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Canonical)]),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
