using System.Text.Json.Nodes;
using OciOperator.Cel;
using OciOperator.Cel.Values;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// <c>schema.metadata.nameValidation</c> (kro v0.10): marker-only SimpleSchema for an instance's <c>metadata.name</c>.
/// The <c>string</c> type is implicit; only <c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, <c>enum</c> and the
/// field-scoped <c>validation</c> CEL marker are allowed. The result is the OpenAPI schema of <c>metadata.name</c> in
/// the instance CRD — the one place under <c>metadata</c> the API server lets a CRD constrain (with generateName).
/// </summary>
internal static class NameValidation
{
    /// <summary>Kubernetes' own limit for a name (a DNS subdomain); a larger minLength could never be met.</summary>
    public const int MaxNameLength = 253;

    private static readonly HashSet<MarkerKind> Allowed =
        [MarkerKind.MinLength, MarkerKind.MaxLength, MarkerKind.Pattern, MarkerKind.Enum, MarkerKind.Validation];

    /// <summary>The schema of <c>metadata.name</c>; throws <see cref="SimpleSchemaException"/> for bad markers.</summary>
    public static JsonObject Compile(string markers)
    {
        ArgumentNullException.ThrowIfNull(markers);
        if (markers.Contains('|', StringComparison.Ordinal))
        {
            throw new SimpleSchemaException("nameValidation takes markers only (the string type is implicit), e.g. maxLength=30 pattern=\"^[a-z][a-z0-9-]*$\"");
        }

        IReadOnlyList<Marker> parsed;
        try
        {
            parsed = MarkerParser.Parse(markers);
        }
        catch (SimpleSchemaException e)
        {
            throw new SimpleSchemaException($"failed to parse nameValidation markers: {e.Reason}");
        }

        foreach (var marker in parsed)
        {
            if (!Allowed.Contains(marker.Kind))
            {
                throw new SimpleSchemaException(
                    $"marker {marker.Key} is not supported in nameValidation: only minLength, maxLength, pattern, enum and validation are allowed");
            }
        }

        var schema = new JsonObject { ["type"] = "string" };
        MarkerApplier.Apply(schema, parsed);
        var min = Count(schema, "minLength");
        var max = Count(schema, "maxLength");
        if (min is > MaxNameLength)
        {
            throw new SimpleSchemaException($"nameValidation minLength {min} exceeds the maximum length of a Kubernetes name ({MaxNameLength})");
        }

        if (min is { } low && max is { } high && low > high)
        {
            throw new SimpleSchemaException($"nameValidation minLength {low} is greater than maxLength {high}");
        }

        CheckRules(schema);
        return schema;
    }

    /// <summary>A <c>validation</c> rule must compile with <c>self</c> a string and yield a bool (the API server would refuse the CRD).</summary>
    private static void CheckRules(JsonObject schema)
    {
        if (schema["x-kubernetes-validations"] is not JsonArray rules)
        {
            return;
        }

        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            Variables = new Dictionary<string, CelType>(StringComparer.Ordinal) { ["self"] = CelType.String },
            Libraries = CelLibraries.All,
        });
        foreach (var rule in rules.OfType<JsonObject>().Select(r => r["rule"]!.GetValue<string>()))
        {
            var compiled = env.Compile(rule);
            if (!compiled.Success)
            {
                throw new SimpleSchemaException(
                    $"nameValidation validation rule \"{rule}\" does not compile: {string.Join("; ", compiled.Issues.Select(i => i.Message))}");
            }

            if (!compiled.Program!.ResultType.Equals(CelType.Bool) && !compiled.Program.ResultType.Equals(CelType.Dyn))
            {
                throw new SimpleSchemaException($"nameValidation validation rule \"{rule}\" must evaluate to a bool, got {compiled.Program.ResultType}");
            }
        }
    }

    private static long? Count(JsonObject schema, string key) => schema[key] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
}
