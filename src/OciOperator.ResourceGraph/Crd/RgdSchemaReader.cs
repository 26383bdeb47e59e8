using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OciOperator.ResourceGraph.SimpleSchema;

namespace OciOperator.ResourceGraph.Crd;

/// <summary>
/// Reads <c>spec.schema</c> of an RGD from a JSON tree and applies the RGD CRD's own validation (kro §1.2: kind and
/// apiVersion patterns, scope enum, shortName/category rules), so a bad RGD fails here with a clear message even
/// when it did not come through an API server that enforces the RGD CRD.
/// </summary>
internal static partial class RgdSchemaReader
{
    public static RgdSchema Read(JsonNode? schema)
    {
        if (schema is not JsonObject map)
        {
            throw new SimpleSchemaException("schema must be an object", "schema");
        }

        var kind = RequiredString(map, "kind");
        if (!KindPattern().IsMatch(kind))
        {
            throw new SimpleSchemaException($"kind \"{kind}\" must match ^[A-Z][a-zA-Z0-9]{{0,62}}$", "schema.kind");
        }

        var apiVersion = RequiredString(map, "apiVersion");
        if (!ApiVersionPattern().IsMatch(apiVersion))
        {
            throw new SimpleSchemaException(
                $"apiVersion \"{apiVersion}\" must match ^v[0-9]+(alpha[0-9]+|beta[0-9]+)?$", "schema.apiVersion");
        }

        var scope = OptionalString(map, "scope") ?? "Namespaced";
        if (scope is not ("Namespaced" or "Cluster"))
        {
            throw new SimpleSchemaException($"scope must be Namespaced or Cluster, got: {scope}", "schema.scope");
        }

        var group = OptionalString(map, "group");
        var plural = OptionalString(map, "plural");
        if (plural is not null && (plural.Length > 63 || !NamePattern().IsMatch(plural)))
        {
            throw new SimpleSchemaException(
                $"plural \"{plural}\" must be a lowercase RFC 1035 label matching ^[a-z]([-a-z0-9]*[a-z0-9])?$ (at most 63 characters)", "schema.plural");
        }

        var nameValidation = map["metadata"]?["nameValidation"] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => throw new SimpleSchemaException("nameValidation must be a string of markers", "schema.metadata.nameValidation"),
        };
        JsonObject? nameSchema = null;
        if (nameValidation is not null)
        {
            try
            {
                nameSchema = NameValidation.Compile(nameValidation);
            }
            catch (SimpleSchemaException e)
            {
                throw new SimpleSchemaException(e.Reason, "schema.metadata.nameValidation");
            }
        }

        return new RgdSchema
        {
            Kind = kind,
            ApiVersion = apiVersion,
            Group = string.IsNullOrEmpty(group) ? RgdSchema.DefaultGroup : group,
            Plural = plural,
            Scope = scope,
            Spec = Optional<JsonObject>(map, "spec"),
            Types = Optional<JsonObject>(map, "types"),
            Status = Optional<JsonObject>(map, "status"),
            AdditionalPrinterColumns = Optional<JsonArray>(map, "additionalPrinterColumns"),
            ShortNames = Names(map, "shortNames"),
            Categories = Names(map, "categories"),
            Labels = StringMap(map["metadata"]?["labels"], "schema.metadata.labels"),
            Annotations = StringMap(map["metadata"]?["annotations"], "schema.metadata.annotations"),
            NameValidation = nameValidation,
            NameSchema = nameSchema,
        };
    }

    private static string RequiredString(JsonObject map, string key) =>
        OptionalString(map, key) is { Length: > 0 } value
            ? value
            : throw new SimpleSchemaException($"{key} is required", $"schema.{key}");

    private static string? OptionalString(JsonObject map, string key) => map[key] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw new SimpleSchemaException($"{key} must be a string", $"schema.{key}"),
    };

    private static T? Optional<T>(JsonObject map, string key)
        where T : JsonNode => map[key] switch
        {
            null => null,
            T node => node,
            _ => throw new SimpleSchemaException($"{key} has the wrong type, expected {(typeof(T) == typeof(JsonArray) ? "a list" : "a map")}", $"schema.{key}"),
        };

    private static List<string> Names(JsonObject map, string key)
    {
        var names = new List<string>();
        foreach (var item in Optional<JsonArray>(map, key) ?? [])
        {
            var name = item is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (name is null || name.Length > 63 || !NamePattern().IsMatch(name))
            {
                throw new SimpleSchemaException(
                    $"{key} entries must be lowercase names matching ^[a-z]([-a-z0-9]*[a-z0-9])?$ (at most 63 characters), got: {item?.ToJsonString()}",
                    $"schema.{key}");
            }

            if (names.Contains(name))
            {
                throw new SimpleSchemaException($"duplicate value in {key}: {name}", $"schema.{key}");
            }

            names.Add(name);
        }

        return names.Count <= 32 ? names : throw new SimpleSchemaException($"{key} may hold at most 32 entries", $"schema.{key}");
    }

    private static Dictionary<string, string> StringMap(JsonNode? node, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        if (node is not JsonObject map)
        {
            throw new SimpleSchemaException("must be a map of strings", path);
        }

        foreach (var (key, value) in map)
        {
            result[key] = value is JsonValue scalar && scalar.TryGetValue<string>(out var text)
                ? text
                : throw new SimpleSchemaException($"value of {key} must be a string", path);
        }

        return result;
    }

    [GeneratedRegex("^[A-Z][a-zA-Z0-9]{0,62}$")]
    private static partial Regex KindPattern();

    [GeneratedRegex("^v[0-9]+(alpha[0-9]+|beta[0-9]+)?$")]
    private static partial Regex ApiVersionPattern();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
