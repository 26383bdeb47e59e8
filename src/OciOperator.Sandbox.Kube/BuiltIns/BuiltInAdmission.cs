using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Sandbox.Kube.BuiltIns;

/// <summary>
/// Built-in kinds on create and update, in the apiserver's order: decoding (a field of the wrong JSON type fails with
/// Go's unmarshal text; nulls decode to nothing; unknown fields are dropped and listed, for <c>fieldValidation</c>),
/// then validation (the schema's required fields and the kind's semantic rules).
/// </summary>
internal static class BuiltInAdmission
{
    /// <summary>What decoding and validating one built-in object found.</summary>
    /// <param name="DecodeError">Go's unmarshal error for a field of the wrong type (the request fails with 400), or null.</param>
    /// <param name="UnknownFields">Paths of the fields the schema does not declare (already removed).</param>
    /// <param name="Errors">Validation errors (a 422 Invalid when not empty).</param>
    public sealed record Outcome(string? DecodeError, IReadOnlyList<string> UnknownFields, IReadOnlyList<FieldError> Errors);

    public static Outcome Check(ResourceDescriptor d, JsonObject obj)
    {
        var errors = new List<FieldError>();
        IReadOnlyList<string> unknown = [];
        if (BuiltInKindSchemas.Structural(d) is { } schema && BuiltInSchemas.TryGetSchema(d.Group, d.Version, d.Kind, out var model))
        {
            RemoveNulls(obj, depth: 0);
            var schemaErrors = SchemaValidator.Validate(obj, schema);
            if (schemaErrors.FirstOrDefault(e => e.Type == FieldErrorTypes.TypeInvalid) is { } typeError)
            {
                var jsonType = typeError.BadValue?.ToString() ?? "null";
                return new Outcome(GoDecodeError.Message(model.ModelType, typeError.Field, jsonType), [], []);
            }

            unknown = SchemaPruner.Prune(obj, schema);
            errors.AddRange(schemaErrors);
        }

        WorkloadRules.Validate(d.Group, d.Kind, obj, errors);
        if (d is { Group: "", Kind: "Service" })
        {
            ServicePortRules.Validate(obj, errors);
        }

        return new Outcome(null, unknown, errors);
    }

    /// <summary>Go decodes a JSON null into the zero value, which the object then leaves out.</summary>
    private static void RemoveNulls(JsonNode? node, int depth)
    {
        if (depth > StructuralSchema.MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, child) in obj)
                {
                    RemoveNulls(child, depth + 1);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RemoveNulls(child, depth + 1);
                }

                break;
        }
    }
}
