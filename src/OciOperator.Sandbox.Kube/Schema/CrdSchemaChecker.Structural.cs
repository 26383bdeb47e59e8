using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Structural-schema rules for one <c>openAPIV3Schema</c> (crd-doc "Specifying a structural schema").</summary>
internal static partial class CrdSchemaChecker
{
    private static readonly string[] OpenApiTypes = ["array", "boolean", "integer", "number", "object", "string"];
    private static readonly string[] ListTypes = ["atomic", "map", "set"];
    private static readonly string[] MapTypes = ["atomic", "granular"];

    private static readonly Dictionary<string, string> ForbiddenKeywords = new(StringComparer.Ordinal)
    {
        ["$ref"] = "$ref is not supported",
        ["definitions"] = "definitions are not supported",
        ["dependencies"] = "dependencies are not supported",
        ["patternProperties"] = "patternProperties is not supported",
        ["id"] = "id is not supported",
        ["additionalItems"] = "additionalItems cannot be set to false",
    };

    private enum SchemaLevel
    {
        Root,
        Field,
        Item,
    }

    private static void CheckSchemaNode(JsonObject node, string path, SchemaLevel level, List<FieldError> errors, int depth)
    {
        if (depth > StructuralSchema.MaxDepth)
        {
            errors.Add(FieldError.Forbidden(path, $"must not be nested deeper than {StructuralSchema.MaxDepth} levels"));
            return;
        }

        var type = Text(node, "type");
        var intOrString = Flag(node, "x-kubernetes-int-or-string");
        var preserve = Flag(node, "x-kubernetes-preserve-unknown-fields");
        var embedded = Flag(node, "x-kubernetes-embedded-resource");
        var before = errors.Count;
        CheckTypeKeyword(node, path, level, type, intOrString, preserve, embedded, errors);
        CheckKeywords(node, path, errors);
        var nodeIsSound = errors.Count == before;
        CheckPropertiesAndItems(node, path, level, errors, depth);
        CheckExtensions(node, path, type, errors);
        if (nodeIsSound)
        {
            CheckDefault(node, path, errors);
        }
    }

    private static void CheckTypeKeyword(JsonObject node, string path, SchemaLevel level, string? type, bool intOrString, bool preserve, bool embedded, List<FieldError> errors)
    {
        var typePath = path + ".type";
        if (node["type"] is { } rawType && type is null)
        {
            errors.Add(FieldError.Invalid(typePath, rawType.DeepClone(), "must be a string"));
            return;
        }

        if (!string.IsNullOrEmpty(type) && !OpenApiTypes.Contains(type, StringComparer.Ordinal))
        {
            errors.Add(FieldError.NotSupported(typePath, JsonValue.Create(type), OpenApiTypes));
        }

        if (string.IsNullOrEmpty(type))
        {
            if (level == SchemaLevel.Root)
            {
                errors.Add(FieldError.Required(typePath, "must not be empty at the root"));
            }
            else if (embedded)
            {
                errors.Add(FieldError.Required(typePath, "must be object if x-kubernetes-embedded-resource is true"));
            }
            else if (!intOrString && !preserve)
            {
                errors.Add(FieldError.Required(typePath, level == SchemaLevel.Item
                    ? "must not be empty for specified array items"
                    : "must not be empty for specified object fields"));
            }

            return;
        }

        if (level == SchemaLevel.Root && type != "object")
        {
            errors.Add(FieldError.Invalid(typePath, JsonValue.Create(type), "must be object at the root"));
        }

        if (embedded && type != "object")
        {
            errors.Add(FieldError.Invalid(typePath, JsonValue.Create(type), "must be object if x-kubernetes-embedded-resource is true"));
        }

        if (intOrString)
        {
            errors.Add(FieldError.Invalid(typePath, JsonValue.Create(type), "must be empty if x-kubernetes-int-or-string is true"));
        }

        if (type == "array" && node["items"] is null)
        {
            errors.Add(FieldError.Required(path + ".items", "must be specified"));
        }
    }

    private static void CheckKeywords(JsonObject node, string path, List<FieldError> errors)
    {
        foreach (var (key, message) in ForbiddenKeywords)
        {
            if (node.ContainsKey(key))
            {
                errors.Add(FieldError.Forbidden(path + "." + key, message));
            }
        }

        if (Flag(node, "uniqueItems"))
        {
            errors.Add(FieldError.Forbidden(path + ".uniqueItems", "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }

        if (node["additionalProperties"] is JsonValue ap && ap.GetValueKind() == JsonValueKind.False)
        {
            errors.Add(FieldError.Forbidden(path + ".additionalProperties", "additionalProperties cannot be set to false"));
        }

        if (node["additionalProperties"] is not null && node["properties"] is JsonObject { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(path + ".additionalProperties", "additionalProperties and properties are mutual exclusive"));
        }

        if (Text(node, "pattern") is { } pattern && !StructuralSchema.TryCompilePattern(pattern, out _, out var patternError))
        {
            errors.Add(FieldError.Invalid(path + ".pattern", JsonValue.Create(pattern), "must be a valid regular expression, but isn't: " + patternError));
        }

        foreach (var key in new[] { "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" })
        {
            if (node[key] is { } limit && (!JsonNumber.IsNumber(limit) || !JsonNumber.IsIntegral((JsonValue)limit) || JsonNumber.ToDouble((JsonValue)limit) < 0))
            {
                errors.Add(FieldError.Invalid(path + "." + key, limit.DeepClone(), "must be a non-negative integer"));
            }
        }

        if (node["required"] is { } required && required is not JsonArray)
        {
            errors.Add(FieldError.Invalid(path + ".required", required.DeepClone(), "must be a list of strings"));
        }

        if (node["x-kubernetes-preserve-unknown-fields"] is JsonValue p && p.GetValueKind() == JsonValueKind.False)
        {
            errors.Add(FieldError.Invalid(path + ".x-kubernetes-preserve-unknown-fields", JsonValue.Create(false), "must be true or undefined"));
        }
    }

    private static void CheckPropertiesAndItems(JsonObject node, string path, SchemaLevel level, List<FieldError> errors, int depth)
    {
        const SchemaLevel childLevel = SchemaLevel.Field;
        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                var childPath = FieldPaths.Key(path + ".properties", name);
                if (child is JsonObject childSchema)
                {
                    if (level == SchemaLevel.Root && name == "metadata")
                    {
                        CheckRootMetadata(childSchema, childPath, errors);
                    }

                    CheckSchemaNode(childSchema, childPath, childLevel, errors, depth + 1);
                }
                else
                {
                    errors.Add(FieldError.Invalid(childPath, child?.DeepClone(), "must be a schema object"));
                }
            }
        }

        if (node["additionalProperties"] is JsonObject additional)
        {
            CheckSchemaNode(additional, path + ".additionalProperties", childLevel, errors, depth + 1);
        }

        if (node["items"] is JsonObject items)
        {
            CheckSchemaNode(items, path + ".items", SchemaLevel.Item, errors, depth + 1);
        }
        else if (node["items"] is JsonArray)
        {
            errors.Add(FieldError.Forbidden(path + ".items", "items must be a schema object and not an array"));
        }

        CheckJunctors(node, path, errors, depth);
    }

    private static void CheckRootMetadata(JsonObject metadata, string path, List<FieldError> errors)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "type", "properties", "description" };
        var restrictsOthers = metadata.Any(p => !allowed.Contains(p.Key))
            || (metadata["properties"] is JsonObject props && props.Any(p => p.Key is not ("name" or "generateName")));
        if (restrictsOthers)
        {
            errors.Add(FieldError.Forbidden(path, "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }
    }

    private static void CheckExtensions(JsonObject node, string path, string? type, List<FieldError> errors)
    {
        var listType = Text(node, "x-kubernetes-list-type");
        var mapKeys = node["x-kubernetes-list-map-keys"] as JsonArray;
        if (listType is not null)
        {
            if (type != "array")
            {
                errors.Add(FieldError.Invalid(path + ".x-kubernetes-list-type", JsonValue.Create(listType), "must only be used if type is array"));
            }
            else if (!ListTypes.Contains(listType, StringComparer.Ordinal))
            {
                errors.Add(FieldError.NotSupported(path + ".x-kubernetes-list-type", JsonValue.Create(listType), ListTypes));
            }
            else if (listType == "map" && mapKeys is not { Count: > 0 })
            {
                errors.Add(FieldError.Required(path + ".x-kubernetes-list-map-keys", "must not be empty if x-kubernetes-list-type is map"));
            }
            else if (listType == "map" && Text(node["items"], "type") != "object")
            {
                errors.Add(FieldError.Invalid(path + ".items.type", node["items"]?["type"]?.DeepClone(), "must be object if parent array's x-kubernetes-list-type is map"));
            }
        }

        if (listType == "map" && mapKeys is { Count: > 0 } && node["items"] is JsonObject mapItems)
        {
            CheckListMapKeys(mapItems, mapKeys, path, errors);
        }

        if (mapKeys is { Count: > 0 } && listType != "map")
        {
            errors.Add(FieldError.Invalid(path + ".x-kubernetes-list-type", listType is null ? null : JsonValue.Create(listType), "must be map if x-kubernetes-list-map-keys is non-empty"));
        }

        var mapType = Text(node, "x-kubernetes-map-type");
        if (mapType is not null && !MapTypes.Contains(mapType, StringComparer.Ordinal))
        {
            errors.Add(FieldError.NotSupported(path + ".x-kubernetes-map-type", JsonValue.Create(mapType), MapTypes));
        }

        if (node["x-kubernetes-validations"] is JsonArray rules)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(Text(rules[i], "rule")))
                {
                    errors.Add(FieldError.Required(FieldPaths.Index(path + ".x-kubernetes-validations", i) + ".rule", "rule is not specified"));
                }
            }
        }
    }

    /// <summary>Map keys must be scalar item properties that are required or defaulted.</summary>
    private static void CheckListMapKeys(JsonObject items, JsonArray mapKeys, string path, List<FieldError> errors)
    {
        var required = (items["required"] as JsonArray)?.Select(r => r?.ToString()).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var key in mapKeys.Select(k => k?.ToString() ?? ""))
        {
            var propertyPath = FieldPaths.Key(path + ".items.properties", key);
            if (items["properties"]?[key] is not JsonObject property)
            {
                errors.Add(FieldError.Invalid(path + ".x-kubernetes-list-map-keys", mapKeys.DeepClone(), "entries must all be names of item properties"));
                continue;
            }

            if (Text(property, "type") is "array" or "object")
            {
                errors.Add(FieldError.Invalid(propertyPath + ".type", property["type"]!.DeepClone(), "must be a scalar type if parent array's x-kubernetes-list-type is map"));
            }

            if (!required.Contains(key) && property["default"] is null)
            {
                errors.Add(FieldError.Required(path + ".items.required", $"all map keys must be required or have a default value; \"{key}\" is optional"));
            }
        }
    }

    private static void CheckDefault(JsonObject node, string path, List<FieldError> errors)
    {
        if (!node.TryGetPropertyValue("default", out var value) || value is null)
        {
            return;
        }

        var schema = StructuralSchema.Parse(node);
        var copy = value.DeepClone();
        var defaultPath = path + ".default";
        var pruned = new JsonObject { ["v"] = copy };  // pruning works on objects: wrap the default in one
        var wrapper = StructuralSchema.Parse(new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["v"] = node.DeepClone() } });
        foreach (var field in SchemaPruner.Prune(pruned, wrapper))
        {
            errors.Add(FieldError.Invalid(defaultPath, value.DeepClone(), "must not have unknown fields: " + field[1..].TrimStart('.')));
        }

        foreach (var error in SchemaValidator.Validate(value, schema, defaultPath))
        {
            errors.Add(error);
        }
    }
}
