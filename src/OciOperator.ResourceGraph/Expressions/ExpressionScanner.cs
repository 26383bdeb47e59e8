using System.Collections.Immutable;

namespace OciOperator.ResourceGraph.Expressions;

/// <summary>
/// Finds <c>${...}</c> expressions in a string value, as kro v0.10 does (kro.md §4.1 and Addendum A.1):
/// the closing <c>}</c> is found by counting braces outside CEL string literals (so map literals work, and braces or
/// <c>${</c> inside a string literal are text); a <c>${</c> anywhere else inside an expression is an error; an
/// unterminated <c>${</c> is an error. To write a literal <c>${VAR}</c>, write <c>${"${VAR}"}</c>.
/// Unlike kro, single-quoted CEL literals are recognised too.
/// </summary>
public static class ExpressionScanner
{
    public const string NestedMessage = "nested expressions are not allowed unless inside string literals";

    public static ScannedString Scan(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var segments = ImmutableArray.CreateBuilder<TemplateSegment>();
        var literalStart = 0;
        var i = 0;
        while (i < value.Length)
        {
            var open = value.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var (close, error) = FindClose(value, open + 2);
            if (error is not null)
            {
                return new ScannedString(value, segments.ToImmutable(), error);
            }

            if (open > literalStart)
            {
                segments.Add(new TemplateSegment(value[literalStart..open], false));
            }

            var expression = value[(open + 2)..close];
            if (expression.Trim().Length == 0)
            {
                return new ScannedString(value, segments.ToImmutable(), $"empty expression \"${{}}\" at offset {open}");
            }

            segments.Add(new TemplateSegment(expression, true));
            i = literalStart = close + 1;
        }

        if (literalStart < value.Length && segments.Count > 0)
        {
            segments.Add(new TemplateSegment(value[literalStart..], false));
        }

        return new ScannedString(value, segments.ToImmutable(), null);
    }

    /// <summary>The index of the <c>}</c> closing an expression that starts at <paramref name="start"/>, or an error.</summary>
    private static (int Close, string? Error) FindClose(string value, int start)
    {
        var depth = 0;
        var i = start;
        while (i < value.Length)
        {
            var c = value[i];
            if (c is '"' or '\'')
            {
                i = SkipStringLiteral(value, i);
                if (i < 0)
                {
                    break;
                }

                continue;
            }

            if (c == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                return (-1, NestedMessage);
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    return (i, null);
                }

                depth--;
            }

            i++;
        }

        return (-1, $"unterminated expression: \"${{\" at offset {start - 2} has no closing \"}}\"");
    }

    /// <summary>The index just after the string literal opening at <paramref name="open"/> (triple quotes and raw prefixes included), or -1.</summary>
    private static int SkipStringLiteral(string value, int open)
    {
        var quote = value[open];
        var raw = open > 0 && value[open - 1] is 'r' or 'R';
        var triple = open + 2 < value.Length && value[open + 1] == quote && value[open + 2] == quote;
        var i = open + (triple ? 3 : 1);
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '\\' && !raw)
            {
                i += 2;
                continue;
            }

            if (c == quote && (!triple || (i + 2 < value.Length && value[i + 1] == quote && value[i + 2] == quote)))
            {
                return i + (triple ? 3 : 1);
            }

            i++;
        }

        return -1;
    }
}
