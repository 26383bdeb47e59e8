using System.Globalization;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Text scanning helpers of the JSONPath parser: literals, brackets and quote-aware splitting.</summary>
internal sealed partial class JsonPathExpression
{
    private sealed partial class Parser
    {
        private static bool TryParseLiteral(string text, out JsonNode? literal)
        {
            literal = null;
            if (text.Length >= 2 && text[0] is '\'' or '"' && text[^1] == text[0])
            {
                literal = JsonValue.Create(text[1..^1]);
                return true;
            }

            switch (text)
            {
                case "true":
                    literal = JsonValue.Create(true);
                    return true;
                case "false":
                    literal = JsonValue.Create(false);
                    return true;
                case "nil" or "null":
                    return true;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                literal = JsonValue.Create(number);
                return true;
            }

            return false;
        }

        private int FindClosingBracket(int open)
        {
            char? quote = null;
            var depth = 0;
            for (var i = open; i < text.Length; i++)
            {
                var c = text[i];
                if (quote is not null)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == quote)
                    {
                        quote = null;
                    }

                    continue;
                }

                switch (c)
                {
                    case '\'' or '"':
                        quote = c;
                        break;
                    case '[':
                        depth++;
                        break;
                    case ']':
                        depth--;
                        if (depth == 0)
                        {
                            return i;
                        }

                        break;
                }
            }

            return -1;
        }

        private static int IndexOutsideQuotes(string s, string token)
        {
            char? quote = null;
            for (var i = 0; i <= s.Length - token.Length; i++)
            {
                var c = s[i];
                if (quote is not null)
                {
                    if (c == quote)
                    {
                        quote = null;
                    }

                    continue;
                }

                if (c is '\'' or '"')
                {
                    quote = c;
                    continue;
                }

                if (string.CompareOrdinal(s, i, token, 0, token.Length) == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        private static List<string> SplitTopLevel(string s, char separator)
        {
            var parts = new List<string>();
            char? quote = null;
            var start = 0;
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (quote is not null)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == quote)
                    {
                        quote = null;
                    }
                }
                else if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == separator)
                {
                    parts.Add(s[start..i]);
                    start = i + 1;
                }
            }

            parts.Add(s[start..]);
            return parts;
        }
    }
}
