namespace OciOperator.Runtime.Caching;

/// <summary>
/// A label selector in its query form (<c>a=b,c!=d,e in (f,g),h notin (i),j,!k</c>), parsed once and matched against
/// an object's labels, so a cache can answer the lists a reconciler would otherwise send to the API server. The
/// empty selector matches everything. Requirements are ANDed, as the API server does.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    /// <summary>The selector that matches every object.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>Whether this selector has no requirement.</summary>
    public bool IsEmpty => _requirements.Count == 0;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> on a malformed selector.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Requirement>();
        foreach (var part in Split(text))
        {
            requirements.Add(ParseRequirement(part.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    /// <summary>Whether <paramref name="labels"/> (null: none) satisfy every requirement.</summary>
    public bool Matches(IDictionary<string, string>? labels)
    {
        foreach (var requirement in _requirements)
        {
            string? value = null;
            var has = labels is not null && labels.TryGetValue(requirement.Key, out value);
            var ok = requirement.Operator switch
            {
                SelectorOperator.Equals => has && requirement.Values.Contains(value!),
                SelectorOperator.NotEquals => !has || !requirement.Values.Contains(value!),
                SelectorOperator.In => has && requirement.Values.Contains(value!),
                SelectorOperator.NotIn => !has || !requirement.Values.Contains(value!),
                SelectorOperator.Exists => has,
                _ => !has,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // Commas separate requirements except inside the parentheses of a set.
    private static IEnumerable<string> Split(string text)
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

    private static Requirement ParseRequirement(string part, string whole)
    {
        if (part.Length == 0)
        {
            throw new FormatException($"label selector \"{whole}\": empty requirement");
        }

        if (part[0] == '!')
        {
            return new Requirement(Key(part[1..], whole), SelectorOperator.DoesNotExist, []);
        }

        foreach (var (token, op) in new[] { ("!=", SelectorOperator.NotEquals), ("==", SelectorOperator.Equals), ("=", SelectorOperator.Equals) })
        {
            var at = part.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                return new Requirement(Key(part[..at], whole), op, [part[(at + token.Length)..].Trim()]);
            }
        }

        var open = part.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && part[^1] == ')')
        {
            var head = part[..open].Trim();
            var space = head.LastIndexOf(' ');
            var word = space < 0 ? string.Empty : head[(space + 1)..];
            var op = word switch
            {
                "in" => SelectorOperator.In,
                "notin" => SelectorOperator.NotIn,
                _ => throw new FormatException($"label selector \"{whole}\": expected in or notin in \"{part}\""),
            };
            var values = part[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new Requirement(Key(head[..space], whole), op, [.. values]);
        }

        return new Requirement(Key(part, whole), SelectorOperator.Exists, []);
    }

    private static string Key(string key, string whole)
    {
        key = key.Trim();
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '=' or '!' or ','))
        {
            throw new FormatException($"label selector \"{whole}\": invalid key \"{key}\"");
        }

        return key;
    }

    private sealed record Requirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values);

    private enum SelectorOperator
    {
        Equals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
    }
}
