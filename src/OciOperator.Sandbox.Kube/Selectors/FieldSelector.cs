using System.Text;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Selectors;

/// <summary>
/// A parsed field selector: comma = AND of <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, with <c>\</c> escapes
/// (apimachinery <c>fields.ParseSelector</c>). Field labels are resolved against the object by a resolver that
/// knows which labels the kind supports.
/// </summary>
internal sealed class FieldSelector
{
    public static readonly FieldSelector Everything = new([]);

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms)
    {
        Terms = terms;
    }

    public IReadOnlyList<(string Field, bool Equal, string Value)> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
        foreach (var part in SplitUnescaped(text, ','))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var (field, equal, value) = ParseTerm(part);
            if (value.Any(char.IsControl) || field.Any(char.IsControl))
            {
                throw new SelectorParseException($"invalid selector: '{part}'; field selectors may not hold control characters");
            }

            terms.Add((field, equal, value));
        }

        return new FieldSelector(terms);
    }

    /// <summary>The value a <c>metadata.name=X</c> term requires, if any.</summary>
    public string? RequiredValue(string field) =>
        Terms.Where(t => t.Equal && t.Field == field).Select(t => t.Value).FirstOrDefault();

    public bool Matches(JsonObject obj, Func<JsonObject, string, string?> resolve) =>
        Terms.All(t => string.Equals(resolve(obj, t.Field) ?? "", t.Value, StringComparison.Ordinal) == t.Equal);

    private static (string, bool, string) ParseTerm(string term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            if (term[i] == '\\')
            {
                i++;
                continue;
            }

            if (term[i] == '!' && i + 1 < term.Length && term[i + 1] == '=')
            {
                return (term[..i], false, Unescape(term[(i + 2)..]));
            }

            if (term[i] == '=')
            {
                var skip = i + 1 < term.Length && term[i + 1] == '=' ? 2 : 1;
                return (term[..i], true, Unescape(term[(i + skip)..]));
            }
        }

        throw new SelectorParseException($"invalid selector: '{term}'; can't understand '{term}'");
    }

    private static IEnumerable<string> SplitUnescaped(string text, char separator)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == separator)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static string Unescape(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            sb.Append(value[i]);
        }

        return sb.ToString();
    }
}
