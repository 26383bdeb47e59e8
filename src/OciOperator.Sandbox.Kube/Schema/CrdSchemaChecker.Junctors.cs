using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>
/// Structural rules for value validations inside <c>allOf/anyOf/oneOf/not</c> (crd-doc rules 2 and 3,
/// <c>structural/validation.go</c>): no generic keywords inside junctors (except the int-or-string
/// <c>anyOf: [{type: integer}, {type: string}]</c> pattern) and every property or items they mention must also be
/// specified in the structural part.
/// </summary>
internal static partial class CrdSchemaChecker
{
    private static readonly (string Key, string Message)[] ForbiddenInJunctors =
    [
        ("type", "must be empty to be structural"),
        ("additionalProperties", "must be undefined to be structural"),
        ("default", "must be undefined to be structural"),
        ("title", "must be empty to be structural"),
        ("description", "must be empty to be structural"),
        ("nullable", "must be false to be structural"),
        ("x-kubernetes-preserve-unknown-fields", "must be false to be structural"),
        ("x-kubernetes-embedded-resource", "must be false to be structural"),
        ("x-kubernetes-int-or-string", "must be false to be structural"),
        ("x-kubernetes-list-type", "must be undefined to be structural"),
        ("x-kubernetes-list-map-keys", "must be undefined to be structural"),
        ("x-kubernetes-map-type", "must be undefined to be structural"),
    ];

    /// <summary>Checks the junctors of a structural node: generic keywords and completeness.</summary>
    private static void CheckJunctors(JsonObject structural, string path, List<FieldError> errors, int depth)
    {
        var intOrString = Flag(structural, "x-kubernetes-int-or-string");
        foreach (var junctor in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (structural[junctor] is not JsonArray alternatives)
            {
                continue;
            }

            for (var i = 0; i < alternatives.Count; i++)
            {
                if (alternatives[i] is JsonObject alternative)
                {
                    var junctorPath = FieldPaths.Index(path + "." + junctor, i);
                    CheckValueValidation(alternative, junctorPath, intOrString && junctor == "anyOf", errors, depth + 1);
                    CheckCompleteness(structural, path, alternative, junctorPath, errors, depth + 1);
                }
            }
        }

        if (structural["not"] is JsonObject not)
        {
            CheckValueValidation(not, path + ".not", allowIntOrStringTypes: false, errors, depth + 1);
            CheckCompleteness(structural, path, not, path + ".not", errors, depth + 1);
        }
    }

    private static void CheckValueValidation(JsonObject validation, string path, bool allowIntOrStringTypes, List<FieldError> errors, int depth)
    {
        if (depth > StructuralSchema.MaxDepth)
        {
            return;
        }

        foreach (var (key, message) in ForbiddenInJunctors)
        {
            if (!validation.TryGetPropertyValue(key, out var value) || value is null || IsFalse(value))
            {
                continue;
            }

            if (key == "type" && allowIntOrStringTypes && Text(validation, "type") is "integer" or "string")
            {
                continue;
            }

            errors.Add(FieldError.Forbidden(path + "." + key, message));
        }

        if (validation["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject childValidation)
                {
                    CheckValueValidation(childValidation, FieldPaths.Key(path + ".properties", name), allowIntOrStringTypes: false, errors, depth + 1);
                }
            }
        }

        if (validation["items"] is JsonObject items)
        {
            CheckValueValidation(items, path + ".items", allowIntOrStringTypes: false, errors, depth + 1);
        }

        foreach (var junctor in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (validation[junctor] is JsonArray nested)
            {
                for (var i = 0; i < nested.Count; i++)
                {
                    if (nested[i] is JsonObject n)
                    {
                        CheckValueValidation(n, FieldPaths.Index(path + "." + junctor, i), allowIntOrStringTypes: false, errors, depth + 1);
                    }
                }
            }
        }

        if (validation["not"] is JsonObject notNode)
        {
            CheckValueValidation(notNode, path + ".not", allowIntOrStringTypes: false, errors, depth + 1);
        }
    }

    /// <summary>Properties and items named in a value validation must exist in the structural schema at the same place.</summary>
    private static void CheckCompleteness(JsonObject? structural, string structuralPath, JsonObject validation, string validationPath, List<FieldError> errors, int depth)
    {
        if (depth > StructuralSchema.MaxDepth)
        {
            return;
        }

        if (validation["items"] is JsonObject items)
        {
            if (structural?["items"] is JsonObject structuralItems)
            {
                CheckCompleteness(structuralItems, structuralPath + ".items", items, validationPath + ".items", errors, depth + 1);
            }
            else
            {
                errors.Add(FieldError.Required(structuralPath + ".items", "because it is defined in " + validationPath + ".items"));
            }
        }

        if (validation["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                var declared = structural?["properties"]?[name] as JsonObject;
                if (declared is null)
                {
                    if (!Flag(structural, "x-kubernetes-preserve-unknown-fields"))
                    {
                        errors.Add(FieldError.Required(FieldPaths.Key(structuralPath + ".properties", name),
                            "because it is defined in " + FieldPaths.Key(validationPath + ".properties", name)));
                    }
                }
                else if (child is JsonObject childValidation)
                {
                    CheckCompleteness(declared, FieldPaths.Key(structuralPath + ".properties", name), childValidation,
                        FieldPaths.Key(validationPath + ".properties", name), errors, depth + 1);
                }
            }
        }

        foreach (var junctor in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (validation[junctor] is JsonArray nested)
            {
                for (var i = 0; i < nested.Count; i++)
                {
                    if (nested[i] is JsonObject n)
                    {
                        CheckCompleteness(structural, structuralPath, n, FieldPaths.Index(validationPath + "." + junctor, i), errors, depth + 1);
                    }
                }
            }
        }
    }

    private static bool IsFalse(JsonNode value) =>
        value is JsonValue v && (v.GetValueKind() == JsonValueKind.False || (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0));
}
