using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>The recursive-descent parser of the JSONPath body (without braces).</summary>
internal sealed partial class JsonPathExpression
{
    private sealed partial class Parser(string text)
    {
        private int _pos;

        public bool TryParsePath(out IReadOnlyList<JsonPathSegment> segments, out string error)
        {
            var list = new List<JsonPathSegment>();
            segments = list;
            error = "";
            SkipSpaces();
            if (_pos < text.Length && text[_pos] == '@')
            {
                _pos++;
            }
            else if (_pos < text.Length && text[_pos] == '$')
            {
                _pos++;
            }

            while (_pos < text.Length)
            {
                if (!TryParseSegment(list, out error, stopAtOperator: false))
                {
                    return false;
                }

                if (list.Count > 256)
                {
                    error = "expression has too many steps";
                    return false;
                }
            }

            return true;
        }

        private bool TryParseSegment(List<JsonPathSegment> list, out string error, bool stopAtOperator)
        {
            error = "";
            var c = text[_pos];
            switch (c)
            {
                case '.':
                    _pos++;
                    if (_pos < text.Length && text[_pos] == '.')
                    {
                        _pos++;
                        list.Add(new JsonPathSegment.RecursiveDescent());
                    }

                    if (_pos >= text.Length)
                    {
                        return list.Count > 0 || text.Length == 1 || Fail("expression ends with '.'", out error);
                    }

                    if (text[_pos] == '*')
                    {
                        _pos++;
                        list.Add(new JsonPathSegment.Wildcard());
                        return true;
                    }

                    if (text[_pos] == '[')
                    {
                        return true;
                    }

                    var name = ReadIdentifier();
                    if (name.Length == 0)
                    {
                        return Fail($"unrecognized character in action: {Describe(text[_pos])}", out error);
                    }

                    list.Add(new JsonPathSegment.Field([name]));
                    return true;
                case '[':
                    return TryParseBracket(list, out error);
                default:
                    if (stopAtOperator)
                    {
                        return Fail("", out error);
                    }

                    return Fail($"unrecognized character in action: {Describe(c)}", out error);
            }
        }

        private string ReadIdentifier()
        {
            var sb = new StringBuilder();
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '\\' && _pos + 1 < text.Length)
                {
                    sb.Append(text[_pos + 1]);
                    _pos += 2;
                    continue;
                }

                if (c is '.' or '[' or ']' or ' ' or '\t' or '(' or ')' or '=' or '!' or '<' or '>' or '{' or '}' or ',' or '"' or '\'')
                {
                    break;
                }

                sb.Append(c);
                _pos++;
            }

            return sb.ToString();
        }

        private bool TryParseBracket(List<JsonPathSegment> list, out string error)
        {
            var close = FindClosingBracket(_pos);
            if (close < 0)
            {
                return Fail("unterminated array", out error);
            }

            var inner = text[(_pos + 1)..close].Trim();
            _pos = close + 1;
            error = "";
            if (inner.Length == 0)
            {
                return Fail("empty array index", out error);
            }

            if (inner == "*")
            {
                list.Add(new JsonPathSegment.Wildcard());
                return true;
            }

            if (inner.StartsWith('?'))
            {
                return TryParseFilter(inner[1..].Trim(), list, out error);
            }

            if (inner[0] is '\'' or '"')
            {
                var names = new List<string>();
                foreach (var part in SplitTopLevel(inner, ','))
                {
                    var p = part.Trim();
                    if (p.Length < 2 || p[0] != p[^1] || p[0] is not ('\'' or '"'))
                    {
                        return Fail($"invalid quoted key {p}", out error);
                    }

                    names.Add(p[1..^1].Replace("\\" + p[0], p[0].ToString(), StringComparison.Ordinal));
                }

                list.Add(new JsonPathSegment.Field(names));
                return true;
            }

            if (inner.Contains(':', StringComparison.Ordinal))
            {
                var parts = inner.Split(':');
                if (parts.Length > 3)
                {
                    return Fail($"invalid array index {inner}", out error);
                }

                var numbers = new int?[3];
                for (var i = 0; i < parts.Length; i++)
                {
                    var p = parts[i].Trim();
                    if (p.Length == 0)
                    {
                        continue;
                    }

                    if (!int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    {
                        return Fail($"invalid array index {p}", out error);
                    }

                    numbers[i] = n;
                }

                if (numbers[2] is 0)
                {
                    return Fail("step must not be 0", out error);
                }

                list.Add(new JsonPathSegment.Slice(numbers[0], numbers[1], numbers[2]));
                return true;
            }

            var indices = new List<int>();
            foreach (var part in inner.Split(','))
            {
                if (!int.TryParse(part.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    return Fail($"invalid array index {part.Trim()}", out error);
                }

                indices.Add(index);
            }

            list.Add(new JsonPathSegment.Index(indices));
            return true;
        }

        private bool TryParseFilter(string filter, List<JsonPathSegment> list, out string error)
        {
            if (filter.Length < 2 || filter[0] != '(' || filter[^1] != ')')
            {
                return Fail($"invalid filter {filter}", out error);
            }

            var body = filter[1..^1].Trim();
            string? op = null;
            var opIndex = -1;
            foreach (var candidate in new[] { "==", "!=", "<=", ">=", "<", ">" })
            {
                var i = IndexOutsideQuotes(body, candidate);
                if (i >= 0 && (opIndex < 0 || i < opIndex))
                {
                    opIndex = i;
                    op = candidate;
                }
            }

            var leftText = op is null ? body : body[..opIndex].Trim();
            if (!TryParseOperandPath(leftText, out var left, out error))
            {
                return false;
            }

            if (op is null)
            {
                list.Add(new JsonPathSegment.Filter(left, null, null, null));
                return true;
            }

            var rightText = body[(opIndex + op.Length)..].Trim();
            if (rightText.StartsWith('@'))
            {
                if (!TryParseOperandPath(rightText, out var right, out error))
                {
                    return false;
                }

                list.Add(new JsonPathSegment.Filter(left, op, null, right));
                return true;
            }

            if (!TryParseLiteral(rightText, out var literal))
            {
                return Fail($"invalid filter operand {rightText}", out error);
            }

            list.Add(new JsonPathSegment.Filter(left, op, literal, null));
            return true;
        }

        private static bool TryParseOperandPath(string operand, out IReadOnlyList<JsonPathSegment> segments, out string error)
        {
            segments = [];
            if (!operand.StartsWith('@'))
            {
                error = $"filter operand must start with @: {operand}";
                return false;
            }

            return new Parser(operand).TryParsePath(out segments, out error);
        }

        private void SkipSpaces()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private static string Describe(char c) =>
            $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} '{c}'";

        private static bool Fail(string message, out string error)
        {
            error = message;
            return false;
        }
    }
}
