using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>CustomResourceDefinition defaults, validation and the naming/establishing controllers' status.</summary>
internal static class CrdRules
{
    /// <summary>
    /// Applies the server defaults (§9.1: singular, listKind, conversion strategy) and validates the definition with
    /// the Schema library's <see cref="CrdSchemaChecker"/> (names, scope, versions, structural schemas, printer columns).
    /// </summary>
    public static void Validate(JsonObject crd, List<FieldError> errors)
    {
        if (crd["spec"] is not JsonObject spec)
        {
            errors.Add(FieldError.Required("spec"));
            return;
        }

        if (spec["names"] is JsonObject names && Text(names["kind"]) is { Length: > 0 } kind)
        {
            if (names["singular"] is null)
            {
                names["singular"] = kind.ToLowerInvariant();
            }

            if (names["listKind"] is null)
            {
                names["listKind"] = kind + "List";
            }
        }

        if (spec["conversion"] is null)
        {
            spec["conversion"] = new JsonObject { ["strategy"] = "None" };
        }

        var before = errors.Count;
        errors.AddRange(CrdSchemaChecker.Check(spec, ObjectMeta.NameOf(crd)));
        if (errors.Count == before)
        {
            errors.AddRange(Validation.CrdRuleChecker.Check(spec));
        }
    }

    /// <summary>
    /// Writes the status the naming and establishing controllers would: accepted names plus NamesAccepted and
    /// Established, True unless another CRD of the group already uses the plural or kind.
    /// </summary>
    public static bool SetStatus(JsonObject crd, IEnumerable<JsonObject> otherCrds, string now)
    {
        var spec = (JsonObject)crd["spec"]!;
        var names = (JsonObject)spec["names"]!;
        var group = Text(spec["group"]);
        string? conflict = null;
        foreach (var other in otherCrds)
        {
            if (ObjectMeta.NameOf(other) == ObjectMeta.NameOf(crd) || Text(other["spec"]?["group"]) != group)
            {
                continue;
            }

            var accepted = other["status"]?["acceptedNames"];
            if (Text(accepted?["plural"]) == Text(names["plural"]))
            {
                conflict = "PluralConflict";
            }
            else if (Text(accepted?["kind"]) == Text(names["kind"]))
            {
                conflict = "KindConflict";
            }
        }

        var old = crd["status"] as JsonObject;
        var status = new JsonObject();
        var conditions = new JsonArray();
        if (conflict is null)
        {
            status["acceptedNames"] = names.DeepClone();
            conditions.Add(Condition(old, "NamesAccepted", "True", "NoConflicts", "no conflicts found", now));
            conditions.Add(Condition(old, "Established", "True", "InitialNamesAccepted", "the initial names have been accepted", now));
        }
        else
        {
            status["acceptedNames"] = old?["acceptedNames"]?.DeepClone() ?? new JsonObject { ["plural"] = "", ["kind"] = "" };
            conditions.Add(Condition(old, "NamesAccepted", "False", conflict, $"\"{Text(names["plural"])}\" is already in use", now));
            conditions.Add(Condition(old, "Established", "False", "Installing", "the initial names have been accepted", now));
        }

        if (ObjectMeta.IsDeleting(crd))
        {
            conditions.Add(Condition(old, "Terminating", "True", "InstanceDeletionInProgress", "CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon", now));
        }

        status["conditions"] = conditions;
        var stored = ObjectMeta.Strings(old?["storedVersions"]).ToList();
        foreach (var v in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (v["storage"] is JsonValue s && s.TryGetValue<bool>(out var isStorage) && isStorage && !stored.Contains(Text(v["name"])))
            {
                stored.Add(Text(v["name"]));
            }
        }

        status["storedVersions"] = new JsonArray([.. stored.Select(s => (JsonNode?)JsonValue.Create(s))]);
        crd["status"] = status;
        return conflict is null;
    }

    private static JsonObject Condition(JsonObject? oldStatus, string type, string status, string reason, string message, string now)
    {
        var previous = (oldStatus?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => Text(c["type"]) == type);
        var since = previous is not null && Text(previous["status"]) == status ? Text(previous["lastTransitionTime"]) : now;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastTransitionTime"] = since,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
