using System.Text;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// Splits the marker part of a field spec into <c>key=value</c> markers with kro's <c>ParseMarkers</c> scanning
/// rules: the first <c>=</c> outside quotes and brackets ends the key (spaces inside a key are dropped, so
/// <c>default = 5</c> yields <c>default=""</c> and then a key <c>5</c> without a value); whitespace outside quotes
/// and brackets ends a value; a value may be a bare token, a <c>"quoted string"</c> with <c>\"</c> / <c>\\</c>
/// escapes, or a balanced <c>{...}</c> / <c>[...]</c> that may contain spaces and quoted strings. Like kro, text
/// that ends without a completed marker (including an empty marker part or trailing whitespace) is an error.
/// </summary>
internal static class MarkerParser
{
    public static IReadOnlyList<Marker> Parse(string markers)
    {
        ArgumentNullException.ThrowIfNull(markers);
        var result = new List<Marker>();
        var buffer = new StringBuilder();
        string? key = null;
        var inQuotes = false;
        var escaped = false;
        var depth = 0;
        foreach (var c in markers)
        {
            if (c == '=' && key is null && !inQuotes && depth == 0)
            {
                key = buffer.ToString().Trim();
                if (key.Length == 0)
                {
                    throw new SimpleSchemaException("empty marker key");
                }

                _ = Marker.Create(key, string.Empty);
                buffer.Clear();
            }
            else if (c == '"' && !escaped)
            {
                inQuotes = !inQuotes;
                buffer.Append(c);
            }
            else if (c == '\\' && inQuotes && !escaped)
            {
                escaped = true;
                buffer.Append(c);
            }
            else if (c is '{' or '[' && !inQuotes)
            {
                depth++;
                buffer.Append(c);
            }
            else if (c is '}' or ']' && !inQuotes)
            {
                if (--depth < 0)
                {
                    throw new SimpleSchemaException("unmatched closing bracket/brace");
                }

                buffer.Append(c);
            }
            else if (char.IsWhiteSpace(c) && !inQuotes && depth == 0)
            {
                if (key is not null)
                {
                    result.Add(Marker.Create(key, ProcessValue(buffer.ToString())));
                    key = null;
                    buffer.Clear();
                }
            }
            else
            {
                escaped = false;
                buffer.Append(c);
            }
        }

        if (key is null)
        {
            throw new SimpleSchemaException($"marker key '{buffer}' without a value");
        }

        if (inQuotes)
        {
            throw new SimpleSchemaException("unclosed quote");
        }

        if (depth > 0)
        {
            throw new SimpleSchemaException("unclosed bracket/brace");
        }

        result.Add(Marker.Create(key, ProcessValue(buffer.ToString())));
        return result;
    }

    /// <summary>A value wholly in double quotes loses them and has <c>\"</c>, <c>\\</c> unescaped; others are trimmed.</summary>
    private static string ProcessValue(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value.Trim();
        }

        var inner = value[1..^1];
        var builder = new StringBuilder(inner.Length);
        var escaped = false;
        foreach (var c in inner)
        {
            if (escaped)
            {
                if (c is not ('"' or '\\'))
                {
                    builder.Append('\\');
                }

                builder.Append(c);
                escaped = false;
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
