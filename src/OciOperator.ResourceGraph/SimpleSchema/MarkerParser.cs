using System.Text;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// Splits the marker part of a field spec into <c>key=value</c> markers (kro <c>ParseMarkers</c>): <c>=</c> outside
/// quotes/brackets ends the key, whitespace outside quotes/brackets ends the value, a value may be a bare token, a
/// <c>"quoted string"</c> with <c>\"</c> / <c>\\</c> escapes, or a balanced <c>{...}</c> / <c>[...]</c> that may
/// contain spaces and quoted strings.
/// </summary>
internal static class MarkerParser
{
    public static IReadOnlyList<Marker> Parse(string markers)
    {
        ArgumentNullException.ThrowIfNull(markers);
        var result = new List<Marker>();
        var position = 0;
        while (true)
        {
            while (position < markers.Length && char.IsWhiteSpace(markers[position]))
            {
                position++;
            }

            if (position == markers.Length)
            {
                return result;
            }

            var token = ReadToken(markers, ref position);
            if (token.KeyEnd < 0)
            {
                throw new SimpleSchemaException($"marker key '{token.Raw}' without a value");
            }

            var key = token.Raw[..token.KeyEnd];
            result.Add(Marker.Create(key, Unquote(token.Raw[(token.KeyEnd + 1)..])));
        }
    }

    private static (string Raw, int KeyEnd) ReadToken(string text, ref int position)
    {
        var start = position;
        var keyEnd = -1;
        var inQuotes = false;
        var depth = 0;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (inQuotes)
            {
                if (c == '\\' && position + 1 < text.Length)
                {
                    position++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }

                continue;
            }

            if (c == '"')
            {
                inQuotes = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']')
            {
                depth--;
            }
            else if (c == '=' && depth == 0 && keyEnd < 0)
            {
                keyEnd = position - start;
            }
            else if (char.IsWhiteSpace(c) && depth <= 0)
            {
                break;
            }
        }

        if (inQuotes)
        {
            throw new SimpleSchemaException("unclosed quote");
        }

        if (depth > 0)
        {
            throw new SimpleSchemaException("unclosed bracket/brace");
        }

        return (text[start..position], keyEnd);
    }

    /// <summary>A value wholly in double quotes loses them and has <c>\"</c>, <c>\\</c> unescaped; others stay verbatim.</summary>
    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }

        var inner = value[1..^1];
        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] is '"' or '\\')
            {
                builder.Append(inner[++i]);
            }
            else
            {
                builder.Append(inner[i]);
            }
        }

        return builder.ToString();
    }
}
