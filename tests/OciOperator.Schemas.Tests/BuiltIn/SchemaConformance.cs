using System.Text.Json;

namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>
/// Checks a JSON document against a structural schema by the rules the API server applies to types: every field
/// declared, every value of its declared type. Returns the paths that break them.
/// </summary>
internal static class SchemaConformance
{
    public static IEnumerable<string> Violations(JsonElement value, JsonElement schema, string path = "")
    {
        if (schema.TryGetProperty("x-kubernetes-preserve-unknown-fields", out var free) && free.GetBoolean() && !schema.TryGetProperty("properties", out _))
        {
            yield break;
        }

        if (schema.TryGetProperty("x-kubernetes-int-or-string", out _))
        {
            if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || (value.ValueKind == JsonValueKind.Number && !value.TryGetInt64(out _)))
            {
                yield return $"{path}: {value.ValueKind} is not int-or-string";
            }

            yield break;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        var ok = (type, value.ValueKind) switch
        {
            ("string", JsonValueKind.String) => true,
            ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
            ("integer", JsonValueKind.Number) => value.TryGetInt64(out _),
            ("number", JsonValueKind.Number) => true,
            ("array", JsonValueKind.Array) => true,
            ("object", JsonValueKind.Object) => true,
            _ => false,
        };
        if (!ok)
        {
            yield return $"{path}: {value.ValueKind} is not {type}";
            yield break;
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            foreach (var inner in value.EnumerateArray().SelectMany(item => Violations(item, items, path + "[]")))
            {
                yield return inner;
            }
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var field in value.EnumerateObject())
        {
            var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(field.Name, out var fieldSchema))
            {
                foreach (var inner in Violations(field.Value, fieldSchema, fieldPath))
                {
                    yield return inner;
                }
            }
            else if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                foreach (var inner in Violations(field.Value, values, path + "{}"))
                {
                    yield return inner;
                }
            }
            else if (!(schema.TryGetProperty("x-kubernetes-preserve-unknown-fields", out var keep) && keep.GetBoolean()))
            {
                yield return $"{fieldPath}: not declared";
            }
        }
    }
}
