using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Http;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Sandbox.Kube.BuiltIns;

/// <summary>
/// Built-in kinds on create and update, in the apiserver's order: decoding (a field of the wrong JSON type is a 400
/// with Go's unmarshal text; nulls decode to nothing; unknown fields are dropped, and reported per
/// <c>fieldValidation</c> as for custom resources), then validation (the schema's required fields and the kind's
/// semantic rules) as one 422 Invalid.
/// </summary>
internal static class BuiltInAdmission
{
    public static void Admit(ResourceDescriptor d, JsonObject obj, RequestOptions options)
    {
        var errors = new List<FieldError>();
        if (BuiltInKindSchemas.Structural(d) is { } schema && BuiltInSchemas.TryGetSchema(d.Group, d.Version, d.Kind, out var model))
        {
            RemoveNulls(obj, depth: 0);
            var schemaErrors = SchemaValidator.Validate(obj, schema);
            if (schemaErrors.FirstOrDefault(e => e.Type == FieldErrorTypes.TypeInvalid) is { } typeError)
            {
                var jsonType = typeError.BadValue?.ToString() ?? "null";
                throw ApiErrors.BadRequest($"{d.Kind} in version \"{d.Version}\" cannot be handled as a {d.Kind}: {GoDecodeError.Message(model.ModelType, typeError.Field, jsonType)}");
            }

            var unknown = SchemaPruner.Prune(obj, schema);
            if (unknown.Count > 0)
            {
                switch (options.FieldValidation)
                {
                    case FieldValidationMode.Strict:
                        var list = string.Join(", ", unknown.Select(u => $"unknown field \"{u}\""));
                        throw ApiErrors.BadRequest($"{d.Kind} in version \"{d.Version}\" cannot be handled as a {d.Kind}: strict decoding error: {list}");
                    case FieldValidationMode.Warn:
                        options.Warnings.AddRange(unknown.Select(u => $"unknown field \"{u}\""));
                        break;
                }
            }

            errors.AddRange(schemaErrors);
        }

        WorkloadRules.Validate(d.Group, d.Kind, obj, errors);
        if (d is { Group: "", Kind: "Service" })
        {
            ServicePortRules.Validate(obj, errors);
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(d, ObjectMeta.NameOf(obj), errors);
        }
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
