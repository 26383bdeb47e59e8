using System.Collections.Immutable;
using System.Text;

namespace OciOperator.ResourceGraph.Expressions;

/// <summary>
/// A string value split into literal text and <c>${...}</c> expressions (kro.md §4.1–4.2). A string that is exactly
/// one expression is <em>standalone</em>: its value replaces the field whatever its type. Any other string with
/// expressions is a <em>template</em>, compiled to the CEL concatenation <c>"lit" + (e1) + "lit"</c>.
/// </summary>
public sealed record ScannedString(string Source, ImmutableArray<TemplateSegment> Segments, string? Error)
{
    public bool HasExpressions => Segments.Any(s => s.IsExpression);

    public bool IsStandalone => Segments.Length == 1 && Segments[0].IsExpression;

    public IEnumerable<string> Expressions => Segments.Where(s => s.IsExpression).Select(s => s.Text);

    /// <summary>The CEL program text for this string: the expression itself when standalone, else the concatenation.</summary>
    public string ToCel()
    {
        if (IsStandalone)
        {
            return Segments[0].Text;
        }

        var sb = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (sb.Length > 0)
            {
                sb.Append(" + ");
            }

            if (segment.IsExpression)
            {
                sb.Append('(').Append(segment.Text).Append(')');
            }
            else
            {
                AppendQuoted(sb, segment.Text);
            }
        }

        return sb.Length == 0 ? "\"\"" : sb.ToString();
    }

    private static void AppendQuoted(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                < ' ' => sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }

        sb.Append('"');
    }
}
