using System.Globalization;
using System.Text.Json.Nodes;

using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Selectors;

/// <summary>
/// A parsed label selector: comma-separated AND of <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>,
/// <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>, <c>k&gt;n</c>, <c>k&lt;n</c> (apimachinery <c>labels.Parse</c>).
/// </summary>
internal sealed class LabelSelector
{
    public static readonly LabelSelector Everything = new([]);

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements)
    {
        Requirements = requirements;
    }

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool IsEmpty => Requirements.Count == 0;

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var clause in SplitClauses(text))
        {
            requirements.Add(ParseClause(clause.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    public bool Matches(JsonObject obj)
    {
        if (IsEmpty)
        {
            return true;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (k, v) in map)
            {
                if (v is JsonValue value && value.TryGetValue<string>(out var s))
                {
                    labels[k] = s;
                }
            }
        }

        return Requirements.All(r => r.Matches(labels));
    }

    private static IEnumerable<string> SplitClauses(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }

    private static LabelRequirement ParseClause(string clause, string whole)
    {
        if (clause.Length == 0)
        {
            throw new SelectorParseException($"unable to parse requirement: found '', expected: identifier in \"{whole}\"");
        }

        if (clause[0] == '!')
        {
            return new LabelRequirement(Key(clause[1..].Trim(), whole), LabelOperator.DoesNotExist, []);
        }

        foreach (var (token, op) in new[] { ("!=", LabelOperator.NotEquals), ("==", LabelOperator.Equals), ("=", LabelOperator.Equals) })
        {
            var at = clause.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                return new LabelRequirement(Key(clause[..at].Trim(), whole), op, [Value(clause[(at + token.Length)..].Trim(), whole)]);
            }
        }

        foreach (var (token, op) in new[] { (">", LabelOperator.GreaterThan), ("<", LabelOperator.LessThan) })
        {
            var at = clause.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                var number = clause[(at + 1)..].Trim();
                if (!long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    throw new SelectorParseException($"unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer in \"{whole}\"");
                }

                return new LabelRequirement(Key(clause[..at].Trim(), whole), op, [number]);
            }
        }

        var paren = clause.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
        {
            if (!clause.EndsWith(')'))
            {
                throw new SelectorParseException($"unable to parse requirement: found '{clause}', expected: ')' in \"{whole}\"");
            }

            var head = clause[..paren].Trim();
            var space = head.LastIndexOf(' ');
            if (space < 0)
            {
                throw new SelectorParseException($"unable to parse requirement: found '{head}', expected: in, notin in \"{whole}\"");
            }

            var key = Key(head[..space].Trim(), whole);
            var op = head[(space + 1)..] switch
            {
                "in" => LabelOperator.In,
                "notin" => LabelOperator.NotIn,
                var other => throw new SelectorParseException($"unable to parse requirement: found '{other}', expected: in, notin in \"{whole}\""),
            };
            var inner = clause[(paren + 1)..^1];
            if (inner.Trim().Length == 0)
            {
                throw new SelectorParseException($"unable to parse requirement: for 'in', 'notin' operators, values set can't be empty in \"{whole}\"");
            }

            var values = inner.Split(',').Select(v => Value(v.Trim(), whole)).ToList();
            return new LabelRequirement(key, op, values);
        }

        return new LabelRequirement(Key(clause, whole), LabelOperator.Exists, []);
    }

    private static string Key(string key, string whole)
    {
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '!' or '=' or ','))
        {
            throw new SelectorParseException($"unable to parse requirement: invalid label key \"{key}\" in \"{whole}\"");
        }

        var errors = new List<FieldError>();
        NameValidation.QualifiedName(key, "key", errors);
        if (errors.Count > 0)
        {
            throw new SelectorParseException($"unable to parse requirement: key: Invalid value: {GoFormat.Quote(key)}: {errors[0].Detail}");
        }

        return key;
    }

    private static string Value(string value, string whole)
    {
        if (value.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '!' or '=' or ','))
        {
            throw new SelectorParseException($"unable to parse requirement: invalid label value: \"{value}\" in \"{whole}\"");
        }

        if (!NameValidation.IsLabelValue(value))
        {
            throw new SelectorParseException($"unable to parse requirement: values: Invalid value: {GoFormat.Quote(value)}: {NameValidation.LabelValueMessage}");
        }

        return value;
    }
}
