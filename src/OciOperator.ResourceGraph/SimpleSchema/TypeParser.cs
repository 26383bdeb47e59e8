using OciOperator.ResourceGraph.SimpleSchema.Types;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>Parses a SimpleSchema type expression (the part of a field spec before the first <c>|</c>).</summary>
internal static class TypeParser
{
    /// <summary>The deepest nesting of <c>[]</c> / <c>map[string]</c> accepted (kro's <c>maxNestingDepth</c>).</summary>
    public const int MaxNestingDepth = 16;

    private const string MapPrefix = "map[";

    public static SchemaType Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Parse(expression.Trim(), depth: 0);
    }

    private static SchemaType Parse(string text, int depth)
    {
        if (depth > MaxNestingDepth)
        {
            throw new SimpleSchemaException("type nesting too deep");
        }

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
            var element = text[2..].Trim();
            if (element.Length == 0)
            {
                throw new SimpleSchemaException("empty slice element type");
            }

            return new SliceType(Parse(element, depth + 1));
        }

        if (text.StartsWith(MapPrefix, StringComparison.Ordinal))
        {
            return ParseMap(text, depth);
        }

        if (!IsIdentifier(text))
        {
            throw new SimpleSchemaException($"invalid type: {text}");
        }

        return new CustomType(text);
    }

    private static MapType ParseMap(string text, int depth)
    {
        var close = FindClosingBracket(text, MapPrefix.Length - 1);
        if (close < 0)
        {
            throw new SimpleSchemaException($"invalid map type: {text}");
        }

        var key = text[MapPrefix.Length..close].Trim();
        if (key != "string")
        {
            throw new SimpleSchemaException("map key must be string");
        }

        var value = text[(close + 1)..].Trim();
        if (value.Length == 0)
        {
            throw new SimpleSchemaException("map value type is required");
        }

        return new MapType(Parse(value, depth + 1));
    }

    private static int FindClosingBracket(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '[')
            {
                depth++;
            }
            else if (text[i] == ']' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="text"/> can name a custom type (letters, digits, underscores; not a digit first).</summary>
    internal static bool IsIdentifier(string text) =>
        text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
