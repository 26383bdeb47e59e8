using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>
/// Decides whether a CustomResourceDefinition is acceptable, with the apiserver's field errors
/// (<c>apiextensions validation/validation.go</c>, <c>structural/validation.go</c>): group and names, scope,
/// exactly one storage version and at least one served, unique DNS-1035 version names, a structural
/// <c>openAPIV3Schema</c> per version, and valid <c>additionalPrinterColumns</c>. Paths start at <c>spec</c>
/// (and <c>metadata.name</c> when <paramref name="crdName"/> is given). Server-side defaults (singular, listKind)
/// are assumed to have been applied or are treated as absent-and-fine.
/// </summary>
internal static partial class CrdSchemaChecker
{
    private static readonly string[] Scopes = ["Cluster", "Namespaced"];
    private static readonly string[] ColumnTypes = ["boolean", "date", "integer", "number", "string"];
    private static readonly string[] ColumnFormats = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"];
    private static readonly string[] ConversionStrategies = ["None", "Webhook"];

    public static IReadOnlyList<FieldError> Check(JsonNode crdSpec, string? crdName = null)
    {
        ArgumentNullException.ThrowIfNull(crdSpec);
        var errors = new List<FieldError>();
        if (crdSpec is not JsonObject spec)
        {
            errors.Add(FieldError.Required("spec"));
            return errors;
        }

        var group = Text(spec, "group");
        var plural = Text(spec["names"], "plural");
        if (crdName is not null && plural is { Length: > 0 } && group is { Length: > 0 } && crdName != plural + "." + group)
        {
            errors.Add(FieldError.Invalid("metadata.name", JsonValue.Create(crdName), "must be spec.names.plural+\".\"+spec.group"));
        }

        CheckGroup(group, errors);
        CheckScope(Text(spec, "scope"), errors);
        CheckNames(spec["names"] as JsonObject, errors);
        CheckVersions(spec["versions"] as JsonArray, errors);
        var strategy = Text(spec["conversion"], "strategy");
        if (strategy is not null && !ConversionStrategies.Contains(strategy, StringComparer.Ordinal))
        {
            errors.Add(FieldError.NotSupported("spec.conversion.strategy", JsonValue.Create(strategy), ConversionStrategies));
        }

        return errors;
    }

    private static void CheckGroup(string? group, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(group))
        {
            errors.Add(FieldError.Required("spec.group"));
        }
        else if (!NameRules.IsDns1123Subdomain(group))
        {
            errors.Add(FieldError.Invalid("spec.group", JsonValue.Create(group), NameRules.Dns1123SubdomainMessage));
        }
        else if (!group.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid("spec.group", JsonValue.Create(group), "should be a domain with at least one dot"));
        }
    }

    private static void CheckScope(string? scope, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(scope))
        {
            errors.Add(FieldError.Required("spec.scope"));
        }
        else if (!Scopes.Contains(scope, StringComparer.Ordinal))
        {
            errors.Add(FieldError.NotSupported("spec.scope", JsonValue.Create(scope), Scopes));
        }
    }

    private static void CheckNames(JsonObject? names, List<FieldError> errors)
    {
        const string path = "spec.names";
        var plural = Text(names, "plural");
        var singular = Text(names, "singular");
        var kind = Text(names, "kind");
        var listKind = Text(names, "listKind");
        if (string.IsNullOrEmpty(plural))
        {
            errors.Add(FieldError.Required(path + ".plural"));
        }
        else
        {
            LabelCheck(plural, path + ".plural", "", errors);
        }

        if (!string.IsNullOrEmpty(singular))
        {
            LabelCheck(singular, path + ".singular", "", errors);
        }

        if (string.IsNullOrEmpty(kind))
        {
            errors.Add(FieldError.Required(path + ".kind"));
        }
        else
        {
            LabelCheck(kind, path + ".kind", "may have mixed case, but should otherwise match: ", errors);
        }

        if (!string.IsNullOrEmpty(listKind))
        {
            LabelCheck(listKind, path + ".listKind", "may have mixed case, but should otherwise match: ", errors);
            if (listKind == kind)
            {
                errors.Add(FieldError.Invalid(path + ".listKind", JsonValue.Create(listKind), "kind and listKind may not be the same"));
            }
        }

        foreach (var (key, label) in new[] { ("shortNames", true), ("categories", true) })
        {
            if (names?[key] is not JsonArray items || !label)
            {
                continue;
            }

            for (var i = 0; i < items.Count; i++)
            {
                var value = items[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";
                LabelCheck(value, FieldPaths.Index(path + "." + key, i), "", errors);
            }
        }
    }

    private static void LabelCheck(string value, string path, string prefix, List<FieldError> errors)
    {
        var problems = NameRules.Dns1035LabelErrors(prefix.Length == 0 ? value : value.ToLowerInvariant());
        if (problems.Length > 0)
        {
            errors.Add(FieldError.Invalid(path, JsonValue.Create(value), prefix + problems));
        }
    }

    private static void CheckVersions(JsonArray? versions, List<FieldError> errors)
    {
        const string path = "spec.versions";
        if (versions is null || versions.Count == 0)
        {
            errors.Add(FieldError.Required(path, "must have exactly one version marked as storage version"));
            return;
        }

        var storage = 0;
        var served = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < versions.Count; i++)
        {
            var versionPath = FieldPaths.Index(path, i);
            if (versions[i] is not JsonObject version)
            {
                errors.Add(FieldError.Invalid(versionPath, versions[i]?.DeepClone(), "must be an object"));
                continue;
            }

            storage += Flag(version, "storage") ? 1 : 0;
            served += Flag(version, "served") ? 1 : 0;
            var name = Text(version, "name");
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(FieldError.Required(versionPath + ".name"));
            }
            else
            {
                LabelCheck(name, versionPath + ".name", "", errors);
                if (!seen.Add(name))
                {
                    errors.Add(FieldError.Invalid(versionPath + ".name", JsonValue.Create(name), "must be unique"));
                }
            }

            var schemaPath = versionPath + ".schema.openAPIV3Schema";
            if (version["schema"]?["openAPIV3Schema"] is JsonObject schema)
            {
                CheckSchemaNode(schema, schemaPath, SchemaLevel.Root, errors, depth: 0);
            }
            else
            {
                errors.Add(FieldError.Required(schemaPath, "schemas are required"));
            }

            CheckColumns(version["additionalPrinterColumns"] as JsonArray, versionPath + ".additionalPrinterColumns", errors);
            if (version["subresources"]?["scale"] is JsonObject scale)
            {
                CheckScale(scale, versionPath + ".subresources.scale", errors);
            }
        }

        if (storage != 1)
        {
            errors.Add(FieldError.Invalid(path, VersionNames(versions), "must have exactly one version marked as storage version"));
        }

        if (served == 0)
        {
            errors.Add(FieldError.Invalid(path, VersionNames(versions), "must have at least one version marked as served"));
        }
    }

    private static JsonArray VersionNames(JsonArray versions) =>
        new([.. versions.Select(v => (JsonNode?)JsonValue.Create(Text(v, "name") ?? ""))]);

    private static void CheckColumns(JsonArray? columns, string path, List<FieldError> errors)
    {
        if (columns is null)
        {
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var columnPath = FieldPaths.Index(path, i);
            var column = columns[i] as JsonObject;
            if (string.IsNullOrEmpty(Text(column, "name")))
            {
                errors.Add(FieldError.Required(columnPath + ".name"));
            }

            var type = Text(column, "type");
            if (string.IsNullOrEmpty(type))
            {
                errors.Add(FieldError.Required(columnPath + ".type", "must be one of " + string.Join(",", ColumnTypes)));
            }
            else if (!ColumnTypes.Contains(type, StringComparer.Ordinal))
            {
                errors.Add(FieldError.NotSupported(columnPath + ".type", JsonValue.Create(type), ColumnTypes));
            }

            var format = Text(column, "format");
            if (!string.IsNullOrEmpty(format) && !ColumnFormats.Contains(format, StringComparer.Ordinal))
            {
                errors.Add(FieldError.NotSupported(columnPath + ".format", JsonValue.Create(format), ColumnFormats));
            }

            CheckColumnPath(Text(column, "jsonPath"), columnPath + ".jsonPath", errors);
        }
    }

    private static void CheckColumnPath(string? jsonPath, string path, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(jsonPath))
        {
            errors.Add(FieldError.Required(path));
        }
        else if (jsonPath[0] != '.')
        {
            errors.Add(FieldError.Invalid(path, JsonValue.Create(jsonPath), "must be a simple json path starting with ."));
        }
        else if (!JsonPathExpression.TryParse(jsonPath, out _, out var error))
        {
            errors.Add(FieldError.Invalid(path, JsonValue.Create(jsonPath), "must be a valid json path: " + error));
        }
    }

    /// <summary>The scale subresource paths (<c>ValidateCustomResourceDefinitionSubresources</c>).</summary>
    private static void CheckScale(JsonObject scale, string path, List<FieldError> errors)
    {
        ScalePath(Text(scale, "specReplicasPath"), path + ".specReplicasPath", required: true, p => p.StartsWith(".spec.", StringComparison.Ordinal), "should be a json path under .spec", errors);
        ScalePath(Text(scale, "statusReplicasPath"), path + ".statusReplicasPath", required: true, p => p.StartsWith(".status.", StringComparison.Ordinal), "should be a json path under .status", errors);
        ScalePath(Text(scale, "labelSelectorPath"), path + ".labelSelectorPath", required: false,
            p => p.StartsWith(".spec.", StringComparison.Ordinal) || p.StartsWith(".status.", StringComparison.Ordinal), "should be a json path under either .spec or .status", errors);
    }

    private static void ScalePath(string? value, string path, bool required, Func<string, bool> placed, string placement, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(FieldError.Required(path));
            }
        }
        else if (value[0] != '.')
        {
            errors.Add(FieldError.Invalid(path, JsonValue.Create(value), "must be a simple json path starting with ."));
        }
        else if (!placed(value))
        {
            errors.Add(FieldError.Invalid(path, JsonValue.Create(value), placement));
        }
    }

    private static bool Flag(JsonNode? node, string key) => node?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static string? Text(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
