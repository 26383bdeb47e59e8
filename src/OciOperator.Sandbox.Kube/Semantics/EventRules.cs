using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>
/// Event validation (<c>k8s: pkg/apis/core/validation/events.go</c>), run on the core/v1 form whichever API the
/// request came through, so errors name core fields. Every write passes the legacy checks; writes through
/// events.k8s.io/v1 (<paramref name="strict"/>) also get the strict create/update rules.
/// </summary>
internal static class EventRules
{
    private const int ReportingInstanceLengthLimit = 128;
    private const int ActionLengthLimit = 128;
    private const int ReasonLengthLimit = 128;
    private const int NoteLengthLimit = 1024;

    private static readonly string[] ImmutableOnStrictUpdate =
    [
        "involvedObject", "reason", "message", "source", "firstTimestamp", "lastTimestamp", "count", "type", "eventTime",
        "action", "related", "reportingComponent", "reportingInstance",
    ];

    public static void ValidateCreate(JsonObject core, bool strict, List<FieldError> errors)
    {
        Legacy(core, errors);
        if (!strict)
        {
            return;
        }

        Series(core, errors);
        if (IsZeroTime(core["eventTime"]))
        {
            errors.Add(FieldError.Required("eventTime"));
        }

        var type = Text(core, "type");
        if (type is not ("Normal" or "Warning"))
        {
            errors.Add(FieldError.Invalid("type", "", "has invalid value: " + type));
        }

        if (!IsZeroTime(core["firstTimestamp"]))
        {
            errors.Add(FieldError.Invalid("firstTimestamp", "", "needs to be unset"));
        }

        if (!IsZeroTime(core["lastTimestamp"]))
        {
            errors.Add(FieldError.Invalid("lastTimestamp", "", "needs to be unset"));
        }

        if (Count(core) != 0)
        {
            errors.Add(FieldError.Invalid("count", "", "needs to be unset"));
        }

        if (FieldText(core["source"], "component").Length > 0 || FieldText(core["source"], "host").Length > 0)
        {
            errors.Add(FieldError.Invalid("source", "", "needs to be unset"));
        }
    }

    public static void ValidateUpdate(JsonObject core, JsonObject oldCore, bool strict, List<FieldError> errors)
    {
        Legacy(core, errors);
        if (!strict)
        {
            return;
        }

        if (!JsonNode.DeepEquals(core["series"], oldCore["series"]))
        {
            Series(core, errors);
        }

        foreach (var field in ImmutableOnStrictUpdate)
        {
            if (!JsonNode.DeepEquals(core[field], oldCore[field]))
            {
                var name = field == "reportingComponent" ? "reportingController" : field;
                errors.Add(FieldError.Invalid(name, core[field]?.DeepClone(), "field is immutable"));
            }
        }
    }

    private static void Legacy(JsonObject core, List<FieldError> errors)
    {
        var ns = ObjectMeta.NamespaceOf(core);
        var involvedNamespace = FieldText(core["involvedObject"], "namespace");
        if (IsZeroTime(core["eventTime"]))
        {
            var agrees = involvedNamespace.Length == 0 ? ns is "" or "default" : ns == involvedNamespace;
            if (!agrees)
            {
                errors.Add(FieldError.Invalid("involvedObject.namespace", involvedNamespace, "does not match event.namespace"));
            }
        }
        else
        {
            if (involvedNamespace.Length == 0 && ns is not ("default" or "kube-system"))
            {
                errors.Add(FieldError.Invalid("involvedObject.namespace", involvedNamespace, "does not match event.namespace"));
            }

            var controller = Text(core, "reportingComponent");
            if (controller.Length == 0)
            {
                errors.Add(FieldError.Required("reportingController"));
            }

            NameValidation.QualifiedName(controller, "reportingController", errors);
            Bounded(core, "reportingInstance", "reportingInstance", ReportingInstanceLengthLimit, required: true, errors);
            Bounded(core, "action", "action", ActionLengthLimit, required: true, errors);
            Bounded(core, "reason", "reason", ReasonLengthLimit, required: true, errors);
            Bounded(core, "message", "message", NoteLengthLimit, required: false, errors);
        }

        if (!NameValidation.IsSubdomain(ns))
        {
            errors.Add(FieldError.Invalid("namespace", ns, NameValidation.SubdomainMessage));
        }
    }

    private static void Series(JsonObject core, List<FieldError> errors)
    {
        if (core["series"] is not JsonObject series)
        {
            return;
        }

        var count = series["count"] is JsonValue v && v.TryGetValue<long>(out var c) ? c : 0;
        if (count < 2)
        {
            errors.Add(FieldError.Invalid("series.count", "", "should be at least 2"));
        }

        if (IsZeroTime(series["lastObservedTime"]))
        {
            errors.Add(FieldError.Required("series.lastObservedTime"));
        }
    }

    private static void Bounded(JsonObject core, string name, string field, int max, bool required, List<FieldError> errors)
    {
        var value = Text(core, name);
        if (required && value.Length == 0)
        {
            errors.Add(FieldError.Required(field));
        }

        if (value.Length > max)
        {
            errors.Add(FieldError.Invalid(field, "", $"can have at most {max} characters"));
        }
    }

    private static long Count(JsonObject core) => core["count"] is JsonValue v && v.TryGetValue<long>(out var c) ? c : 0;

    private static bool IsZeroTime(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null
        || (node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0);

    private static string Text(JsonObject obj, string name) => obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static string FieldText(JsonNode? parent, string name) => parent is JsonObject o ? Text(o, name) : "";
}
