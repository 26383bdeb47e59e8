
namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>Parses a SimpleSchema type expression (the part of a field spec before the first <c>|</c>).</summary>
internal static class TypeParser
{
    /// <summary>The deepest nesting of <c>[]</c> / <c>map[string]</c> accepted (kro's <c>maxNestingDepth</c>).</summary>
    public const int MaxNestingDepth = 16;

    private const string MapPrefix = "map[";
    private const string StringMapPrefix = "map[string]";

    public static SchemaType Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Parse(expression.Trim(), depth: 0);
    }

    private static SchemaType Parse(string text, int depth)
    {
        if (depth > MaxNestingDepth)
        {
            throw new SimpleSchemaException($"type nesting too deep (max {MaxNestingDepth}): \"{text}\"");
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            throw new SimpleSchemaException("empty type");
        }

        if (AtomicType.IsAtomic(text))
        {
            return new AtomicType(text);
        }

        if (text == "object")
        {
            return SchemalessObjectType.Instance;
        }

        if (text.StartsWith("[]", StringComparison.Ordinal))
        {
            var element = text[2..];
            if (element.Length == 0)
            {
                throw new SimpleSchemaException("empty slice element type");
            }

            return new SliceType(Parse(element, depth + 1));
        }

        if (text.StartsWith(MapPrefix, StringComparison.Ordinal))
        {
            if (!text.StartsWith(StringMapPrefix, StringComparison.Ordinal))
            {
                throw new SimpleSchemaException("map key must be string");
            }

            var value = text[StringMapPrefix.Length..].Trim();
            if (value.Length == 0)
            {
                throw new SimpleSchemaException("map value type is required");
            }

            return new MapType(Parse(value, depth + 1));
        }

        // Any other text names a custom type; it is checked when resolved (unknown type: X), as kro does.
        return new CustomType(text);
    }
}
