using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>CustomResourceDefinition defaults, validation and the naming/establishing controllers' status.</summary>
internal static class CrdRules
{
    /// <summary>Applies the server defaults (§9.1) and validates the definition.</summary>
    public static void Validate(JsonObject crd, List<FieldError> errors)
    {
        if (crd["spec"] is not JsonObject spec)
        {
            errors.Add(FieldError.Required("spec"));
            return;
        }

        var group = Text(spec["group"]);
        if (group.Length == 0)
        {
            errors.Add(FieldError.Required("spec.group"));
        }
        else if (!NameValidation.IsSubdomain(group) || !group.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid("spec.group", group, "should be a domain with at least one dot"));
        }

        if (spec["names"] is not JsonObject names)
        {
            errors.Add(FieldError.Required("spec.names.plural"));
            errors.Add(FieldError.Required("spec.names.kind"));
            return;
        }

        var plural = Text(names["plural"]);
        var kind = Text(names["kind"]);
        if (plural.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.plural"));
        }
        else
        {
            errors.AddRange(NameValidation.Name(plural, Resources.NameRule.Label, "spec.names.plural"));
        }

        if (kind.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.kind"));
        }

        if (names["singular"] is null && kind.Length > 0)
        {
            names["singular"] = kind.ToLowerInvariant();
        }

        if (names["listKind"] is null && kind.Length > 0)
        {
            names["listKind"] = kind + "List";
        }

        var scope = Text(spec["scope"]);
        if (scope is not ("Namespaced" or "Cluster"))
        {
            errors.Add(scope.Length == 0 ? FieldError.Required("spec.scope") : FieldError.NotSupported("spec.scope", scope, ["Cluster", "Namespaced"]));
        }

        if (spec["conversion"] is null)
        {
            spec["conversion"] = new JsonObject { ["strategy"] = "None" };
        }

        var expectedName = plural + "." + group;
        var name = ObjectMeta.NameOf(crd);
        if (name != expectedName)
        {
            errors.Add(FieldError.Invalid("metadata.name", name, $"must be spec.names.plural+\".\"+spec.group"));
        }

        Versions(spec, errors);
    }

    private static void Versions(JsonObject spec, List<FieldError> errors)
    {
        if (spec["versions"] is not JsonArray { Count: > 0 } versions)
        {
            errors.Add(FieldError.Invalid("spec.versions", new JsonArray(), "must have exactly one version marked as storage version"));
            return;
        }

        var storage = 0;
        for (var i = 0; i < versions.Count; i++)
        {
            var path = "spec.versions[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (versions[i] is not JsonObject v)
            {
                errors.Add(FieldError.Required(path));
                continue;
            }

            if (Text(v["name"]).Length == 0)
            {
                errors.Add(FieldError.Required(path + ".name"));
            }

            if (v["storage"] is JsonValue s && s.TryGetValue<bool>(out var isStorage) && isStorage)
            {
                storage++;
            }

            if (v["schema"]?["openAPIV3Schema"] is JsonObject schema && !schema.ContainsKey("type")
                && !(schema["x-kubernetes-preserve-unknown-fields"] is JsonValue p && p.TryGetValue<bool>(out var pu) && pu))
            {
                errors.Add(FieldError.Required(path + ".schema.openAPIV3Schema.type", "must not be empty at the root"));
            }

            if (v["additionalPrinterColumns"] is JsonArray columns)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var jsonPath = Text(columns[c]?["jsonPath"]);
                    if (!JsonPathExpression.TryParse(jsonPath, out _, out var error))
                    {
                        errors.Add(FieldError.Invalid(path + ".additionalPrinterColumns[" + c.ToString(CultureInfo.InvariantCulture) + "].jsonPath", jsonPath, error));
                    }
                }
            }
        }

        if (storage != 1)
        {
            errors.Add(FieldError.Invalid("spec.versions", null, "must have exactly one version marked as storage version"));
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
