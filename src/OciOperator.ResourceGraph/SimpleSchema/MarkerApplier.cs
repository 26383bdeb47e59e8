using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// Applies parsed markers to a field's OpenAPI schema (kro <c>applyMarkers</c>), checking each marker against the
/// field's type. Returns whether a <c>required</c> marker asked for the field to be required (null: not said).
/// </summary>
internal static partial class MarkerApplier
{
    public static bool? Apply(JsonObject schema, IReadOnlyList<Marker> markers)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(markers);
        bool? required = null;
        var unique = false;
        foreach (var marker in markers)
        {
            switch (marker.Kind)
            {
                case MarkerKind.Required:
                    required = ParseBool(marker);
                    break;
                case MarkerKind.Default:
                    schema["default"] = ParseDefault(TypeOf(schema), marker.Value);
                    break;
                case MarkerKind.Description:
                    schema["description"] = marker.Value;
                    break;
                case MarkerKind.Enum:
                    schema["enum"] = ParseEnum(TypeOf(schema), marker.Value);
                    break;
                case MarkerKind.Minimum or MarkerKind.Maximum:
                    schema[marker.Key] = Number(ParseBound(marker));
                    break;
                case MarkerKind.Pattern:
                    if (marker.Value.Length == 0)
                    {
                        throw new SimpleSchemaException("pattern marker value cannot be empty");
                    }

                    RequireType(schema, "string", marker);
                    PatternValidator.Validate(marker.Value);
                    schema["pattern"] = marker.Value;
                    break;
                case MarkerKind.MinLength or MarkerKind.MaxLength:
                    RequireType(schema, "string", marker);
                    schema[marker.Key] = ParseCount(marker);
                    break;
                case MarkerKind.MinItems or MarkerKind.MaxItems:
                    RequireType(schema, "array", marker);
                    schema[marker.Key] = ParseCount(marker);
                    break;
                case MarkerKind.UniqueItems:
                    unique = ApplyUniqueItems(schema, marker);
                    break;
                case MarkerKind.ListType:
                    ApplyListType(schema, marker);
                    break;
                case MarkerKind.ListMapKey:
                    RequireType(schema, "array", marker);
                    ListMapKeys(schema).Add(marker.Value);
                    break;
                case MarkerKind.Immutable:
                    if (ParseBool(marker))
                    {
                        AddValidation(schema, "self == oldSelf", "field is immutable");
                    }

                    break;
                case MarkerKind.Validation:
                    if (string.IsNullOrWhiteSpace(marker.Value))
                    {
                        throw new SimpleSchemaException("validation failed: the validation marker needs a CEL rule");
                    }

                    AddValidation(schema, marker.Value, "validation failed");
                    break;
                default:
                    throw new SimpleSchemaException($"unknown marker: {marker.Key}");
            }
        }

        CheckLists(schema, unique);
        return required;
    }

    /// <summary>The OpenAPI type name of a schema as kro reports it in messages.</summary>
    internal static string TypeOf(JsonObject schema) => schema["type"]?.GetValue<string>() ?? "object";

    private static void RequireType(JsonObject schema, string type, Marker marker)
    {
        var actual = TypeOf(schema);
        if (actual != type)
        {
            throw new SimpleSchemaException($"{marker.Key} marker is only valid for {type} types, got type: {actual}");
        }
    }

    private static JsonNode? ParseDefault(string type, string value)
    {
        switch (type)
        {
            case "string":
                return JsonValue.Create(value);
            case "integer":
                return GoStrconv.TryParseInt(value, out var integer, out _)
                    ? JsonValue.Create(integer)
                    : throw new SimpleSchemaException($"default value must be a valid integer, got: {value}");
            case "number":
                return GoStrconv.TryParseFloat(value, out var number, out _)
                    ? Number(number)
                    : throw new SimpleSchemaException($"default value must be a valid number, got: {value}");
            case "boolean":
                return GoStrconv.TryParseBool(value, out var boolean, out _)
                    ? JsonValue.Create(boolean)
                    : throw new SimpleSchemaException($"default value must be a valid boolean, got: {value}");
            default:
                try
                {
                    return JsonNode.Parse(value);
                }
                catch (JsonException)
                {
                    throw new SimpleSchemaException($"default value must be valid JSON for type {type}, got: {value}");
                }
        }
    }

    private static JsonArray ParseEnum(string type, string value)
    {
        if (type is not ("string" or "integer"))
        {
            throw new SimpleSchemaException($"enum values only supported for string and integer types, got type: {type}");
        }

        var values = new JsonArray();
        foreach (var item in value.Split(',').Select(v => v.Trim()))
        {
            if (item.Length == 0)
            {
                throw new SimpleSchemaException("empty enum values are not allowed");
            }

            if (type == "string")
            {
                values.Add(JsonValue.Create(item));
            }
            else if (GoStrconv.TryParseInt(item, out var integer, out var error))
            {
                values.Add(JsonValue.Create(integer));
            }
            else
            {
                throw new SimpleSchemaException($"failed to parse integer enum value: {error}");
            }
        }

        return values;
    }

    private static void AddValidation(JsonObject schema, string rule, string message)
    {
        if (schema["x-kubernetes-validations"] is not JsonArray rules)
        {
            rules = [];
            schema["x-kubernetes-validations"] = rules;
        }

        rules.Add(new JsonObject { ["rule"] = rule, ["message"] = message });
    }
}
