using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Scalar keywords (string, number, format), junctors, embedded resources and list types.</summary>
internal static partial class SchemaValidator
{
    private static void ValidateString(string text, JsonValue value, StructuralSchema schema, string path, Context context)
    {
        var length = text.EnumerateRunes().Count();
        if (schema.MaxLength is { } max && length > max)
        {
            context.Errors.Add(FieldError.TooLong(path, max));
        }

        if (schema.MinLength is { } min && length < min)
        {
            context.Errors.Add(FieldError.Invalid(path, value.DeepClone(), $"{Name(path)} in body should be at least {min} chars long"));
        }

        if (schema.Pattern is not null && schema.PatternRegex is { } regex && !regex.IsMatch(text))
        {
            context.Errors.Add(FieldError.Invalid(path, value.DeepClone(), $"{Name(path)} in body should match '{schema.Pattern}'"));
        }

        if (schema.Format is { } format && !FormatMatches(format, text))
        {
            context.Errors.Add(FieldError.TypeInvalid(path, value.DeepClone(), $"{Name(path)} in body must be of type {format}: {GoFormat.Quote(text)}"));
        }
    }

    private static void ValidateNumber(JsonValue value, StructuralSchema schema, string path, Context context)
    {
        var number = JsonNumber.ToDouble(value);
        if (schema.MultipleOf is { } multiple && multiple > 0 && Math.Abs(Math.IEEERemainder(number, multiple)) > 1e-9)
        {
            context.Errors.Add(FieldError.Invalid(path, value.DeepClone(), $"{Name(path)} in body should be a multiple of {GoFormat.Number(multiple)}"));
        }

        if (schema.Maximum is { } max && (schema.ExclusiveMaximum ? number >= max : number > max))
        {
            var relation = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
            context.Errors.Add(FieldError.Invalid(path, value.DeepClone(), $"{Name(path)} in body should be {relation} {GoFormat.Number(max)}"));
        }

        if (schema.Minimum is { } min && (schema.ExclusiveMinimum ? number <= min : number < min))
        {
            var relation = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
            context.Errors.Add(FieldError.Invalid(path, value.DeepClone(), $"{Name(path)} in body should be {relation} {GoFormat.Number(min)}"));
        }
    }

    /// <summary>The formats Kubernetes validates on CRDs; unknown formats are accepted, as upstream.</summary>
    private static bool FormatMatches(string format, string text) => format switch
    {
        "date-time" or "datetime" => Rfc3339.TryParse(text, out _),
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "uuid" => Guid.TryParseExact(text, "D", out _),
        "ipv4" => IPAddress.TryParse(text, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && text.Count(c => c == '.') == 3,
        "ipv6" => IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
        "cidr" => IPNetwork.TryParse(text, out _) || IsCidrWithHostBits(text),
        "byte" => IsBase64(text),
        "int-or-string" => true,
        _ => true,
    };

    private static bool IsCidrWithHostBits(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && IPAddress.TryParse(text[..slash], out var address)
            && int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && bits <= (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static void ValidateJunctors(JsonNode value, StructuralSchema schema, string path, Context context, int depth)
    {
        foreach (var sub in schema.AllOf)
        {
            ValidateNode(value, sub, path, context, isRoot: false, depth + 1);
        }

        if (schema.AnyOf.Count > 0)
        {
            var results = schema.AnyOf.Select(s => Validate(value, s, path)).ToList();
            if (!results.Any(r => r.Count == 0))
            {
                context.Errors.Add(FieldError.Invalid(path, JsonValue.Create(""), $"{Name(path)} in body must validate at least one schema (anyOf)"));
                context.Errors.AddRange(results.MinBy(r => r.Count)!);
            }
        }

        if (schema.OneOf.Count > 0)
        {
            var results = schema.OneOf.Select(s => Validate(value, s, path)).ToList();
            var valid = results.Count(r => r.Count == 0);
            if (valid != 1)
            {
                var found = valid == 0 ? "Found none valid" : $"Found {valid} valid alternatives";
                context.Errors.Add(FieldError.Invalid(path, JsonValue.Create(""), $"{Name(path)} in body must validate one and only one schema (oneOf). {found}"));
                if (valid == 0)
                {
                    context.Errors.AddRange(results.MinBy(r => r.Count)!);
                }
            }
        }

        if (schema.Not is { } not && Validate(value, not, path).Count == 0)
        {
            context.Errors.Add(FieldError.Invalid(path, JsonValue.Create(""), $"{Name(path)} in body must not validate the schema (not)"));
        }
    }

    private static void ValidateEmbeddedResource(JsonObject obj, string path, Context context)
    {
        if (obj["apiVersion"] is not JsonValue apiVersion || apiVersion.ToString().Length == 0)
        {
            context.Errors.Add(FieldError.Required(FieldPaths.Child(path, "apiVersion"), "must not be empty"));
        }

        if (obj["kind"] is not JsonValue kind || kind.ToString().Length == 0)
        {
            context.Errors.Add(FieldError.Required(FieldPaths.Child(path, "kind"), "must not be empty"));
        }

        if (obj["metadata"] is JsonObject metadata && metadata["name"] is JsonValue name && name.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var text = name.GetValue<string>();
            if (!NameRules.IsDns1123Subdomain(text))
            {
                context.Errors.Add(FieldError.Invalid(FieldPaths.Child(FieldPaths.Child(path, "metadata"), "name"), name.DeepClone(), NameRules.Dns1123SubdomainMessage));
            }
        }
    }

    private static void ValidateListType(JsonArray array, StructuralSchema schema, string path, Context context)
    {
        switch (schema.ListType)
        {
            case "set":
                for (var i = 0; i < array.Count; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        if (JsonNode.DeepEquals(array[i], array[j]))
                        {
                            context.ListErrors.Add(FieldError.Duplicate(FieldPaths.Index(path, i), array[i]?.DeepClone()));
                            break;
                        }
                    }
                }

                break;
            case "map" when schema.ListMapKeys.Count > 0:
                var seen = new List<JsonObject>();
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is not JsonObject item)
                    {
                        continue;
                    }

                    var key = new JsonObject();
                    foreach (var k in schema.ListMapKeys)
                    {
                        key[k] = item[k]?.DeepClone() ?? schema.Items?.PropertySchema(k)?.Default?.DeepClone();
                    }

                    if (seen.Any(s => JsonNode.DeepEquals(s, key)))
                    {
                        context.ListErrors.Add(FieldError.Duplicate(FieldPaths.Index(path, i), key));
                    }
                    else
                    {
                        seen.Add(key);
                    }
                }

                break;
        }
    }
}
