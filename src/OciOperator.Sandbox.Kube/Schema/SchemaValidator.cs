using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>
/// OpenAPI v3 validation of a custom resource against its structural schema, reporting errors as the apiserver
/// does (<c>apiextensions validation.go</c> over kube-openapi). Root <c>metadata</c> is the server's job except the
/// <c>name</c>/<c>generateName</c> restrictions a CRD may declare; CEL rules
/// are kept on the schema but not evaluated here. List-type invariants are reported after the OpenAPI errors.
/// </summary>
internal static partial class SchemaValidator
{
    private static readonly HashSet<string> RootImplicitFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    public static IReadOnlyList<FieldError> Validate(JsonNode obj, StructuralSchema schema) => Validate(obj, schema, "");

    /// <summary>Validates a value whose own path is <paramref name="rootPath"/> (empty for a whole object).</summary>
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, StructuralSchema schema, string rootPath)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var context = new Context();
        ValidateNode(value, schema, rootPath, context, isRoot: rootPath.Length == 0, depth: 0);
        return [.. context.Errors, .. context.ListErrors];
    }

    private static void ValidateNode(JsonNode? value, StructuralSchema schema, string path, Context context, bool isRoot, int depth)
    {
        if (depth > StructuralSchema.MaxDepth)
        {
            return;
        }

        if (value is null)
        {
            if (!schema.Nullable && (schema.Type is not null || schema.IntOrString))
            {
                var expected = schema.IntOrString ? "integer,string" : schema.Type!;
                context.Errors.Add(TypeError(path, expected, JsonTypes.Null));
            }

            return;
        }

        var actual = JsonTypes.Of(value);
        if (!CheckType(value, actual, schema, path, context))
        {
            return;
        }

        switch (value)
        {
            case JsonValue scalar when actual == JsonTypes.String:
                ValidateString(scalar.GetValue<string>(), scalar, schema, path, context);
                break;
            case JsonValue number when actual is JsonTypes.Integer or JsonTypes.Number:
                ValidateNumber(number, schema, path, context);
                break;
        }

        ValidateJunctors(value, schema, path, context, depth);

        switch (value)
        {
            case JsonArray array:
                ValidateArray(array, schema, path, context, depth);
                break;
            case JsonObject obj:
                ValidateObject(obj, schema, path, context, isRoot, depth);
                break;
        }

        if (schema.Enum is { Count: > 0 } allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            context.Errors.Add(FieldError.NotSupported(path, value, allowed.Select(EnumText)));
        }
    }

    private static bool CheckType(JsonNode value, string actual, StructuralSchema schema, string path, Context context)
    {
        if (schema.IntOrString)
        {
            if (JsonTypes.Satisfies(value, actual, JsonTypes.Integer) || actual == JsonTypes.String)
            {
                return true;
            }

            context.Errors.Add(TypeError(path, "integer,string", actual));
            return false;
        }

        if (schema.Type is null || JsonTypes.Satisfies(value, actual, schema.Type))
        {
            return true;
        }

        context.Errors.Add(TypeError(path, schema.Type, actual));
        return false;
    }

    private static void ValidateObject(JsonObject obj, StructuralSchema schema, string path, Context context, bool isRoot, int depth)
    {
        foreach (var name in schema.Required)
        {
            if (!obj.ContainsKey(name))
            {
                context.Errors.Add(FieldError.Required(FieldPaths.Child(path, name)));
            }
        }

        if (schema.MaxProperties is { } maxProps && obj.Count > maxProps)
        {
            context.Errors.Add(FieldError.TooMany(path, obj.Count, maxProps));
        }

        if (schema.MinProperties is { } minProps && obj.Count < minProps)
        {
            context.Errors.Add(FieldError.Invalid(path, JsonValue.Create(obj.Count), $"{Name(path)} in body should have at least {minProps} properties"));
        }

        if (schema.EmbeddedResource)
        {
            ValidateEmbeddedResource(obj, path, context);
        }

        foreach (var (name, child) in obj)
        {
            if ((isRoot || schema.EmbeddedResource) && name == "metadata")
            {
                if (isRoot && child is JsonObject metadata)
                {
                    ValidateRootMetadata(metadata, schema, path, context, depth);
                }

                continue;
            }

            if (isRoot && RootImplicitFields.Contains(name) && !schema.Properties.ContainsKey(name))
            {
                continue;
            }

            var childSchema = schema.PropertySchema(name);
            if (childSchema is not null)
            {
                ValidateNode(child, childSchema, FieldPaths.Child(path, name), context, isRoot: false, depth + 1);
            }
        }
    }

    /// <summary>
    /// The only restrictions a CRD may put on <c>metadata</c> are on <c>name</c> and <c>generateName</c>; the apiserver
    /// checks them against the stored (final) values.
    /// </summary>
    private static void ValidateRootMetadata(JsonObject metadata, StructuralSchema schema, string path, Context context, int depth)
    {
        if (schema.PropertySchema("metadata") is not { } metadataSchema)
        {
            return;
        }

        foreach (var field in (string[])["name", "generateName"])
        {
            if (metadata[field] is JsonValue value && metadataSchema.Properties.TryGetValue(field, out var fieldSchema))
            {
                ValidateNode(value, fieldSchema, FieldPaths.Child(FieldPaths.Child(path, "metadata"), field), context, isRoot: false, depth + 2);
            }
        }
    }

    private static void ValidateArray(JsonArray array, StructuralSchema schema, string path, Context context, int depth)
    {
        if (schema.MaxItems is { } maxItems && array.Count > maxItems)
        {
            context.Errors.Add(FieldError.TooMany(path, array.Count, maxItems));
        }

        if (schema.MinItems is { } minItems && array.Count < minItems)
        {
            context.Errors.Add(FieldError.Invalid(path, JsonValue.Create(array.Count), $"{Name(path)} in body should have at least {minItems} items"));
        }

        if (schema.UniqueItems && HasDuplicates(array))
        {
            context.Errors.Add(FieldError.Invalid(path, JsonValue.Create(""), $"{Name(path)} in body shouldn't contain duplicates"));
        }

        if (schema.Items is not null)
        {
            for (var i = 0; i < array.Count; i++)
            {
                ValidateNode(array[i], schema.Items, FieldPaths.Index(path, i), context, isRoot: false, depth + 1);
            }
        }

        ValidateListType(array, schema, path, context);
    }

    private static bool HasDuplicates(JsonArray array)
    {
        for (var i = 0; i < array.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonNode.DeepEquals(array[i], array[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static FieldError TypeError(string path, string expected, string actual) =>
        FieldError.TypeInvalid(path, JsonValue.Create(actual), $"{Name(path)} in body must be of type {expected}: {GoFormat.Quote(actual)}");

    /// <summary>The name kube-openapi prints inside its messages (<c>.</c> for the root).</summary>
    private static string Name(string path) => path.Length == 0 ? "." : path;

    private static string EnumText(JsonNode? allowed) =>
        allowed is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : allowed?.ToJsonString() ?? "null";

    private sealed class Context
    {
        public List<FieldError> Errors { get; } = [];

        public List<FieldError> ListErrors { get; } = [];
    }
}
