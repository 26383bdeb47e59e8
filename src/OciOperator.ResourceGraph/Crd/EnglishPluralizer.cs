namespace OciOperator.ResourceGraph.Crd;

/// <summary>
/// English pluralisation of a lower-cased kind, reproducing what gobuffalo/flect's <c>Pluralize</c> does (kro names
/// the instance CRD <c>flect.Pluralize(strings.ToLower(kind))</c>), in this order:
/// <list type="number">
/// <item>a dictionary word gets its plural (<c>person</c> → <c>people</c>); a known plural stays as it is;</item>
/// <item>compound rules from the dictionary: a word ending in a dictionary plural stays, a word ending in a
/// dictionary singular swaps that ending (<c>salesperson</c> → <c>salespeople</c>); later words win;</item>
/// <item>suffix rules in priority order, each first "already plural ⇒ unchanged", then the swap
/// (<c>policy</c> → <c>policies</c>, <c>status</c> → <c>statuses</c>, <c>demo</c> → <c>demoes</c>);</item>
/// <item>a word still ending in <c>s</c> stays; anything else gets <c>s</c>.</item>
/// </list>
/// The dictionary is a subset of flect's (the words a Kubernetes kind is likely to end in); see the tables in
/// <c>EnglishPluralizer.Rules.cs</c>.
/// </summary>
internal static partial class EnglishPluralizer
{
    private static readonly Dictionary<string, string> SingularToPlural = BuildSingularToPlural();
    private static readonly HashSet<string> KnownPlurals = BuildKnownPlurals();
    private static readonly (string Suffix, string? Replacement)[] Rules = BuildRules();

    public static string Pluralize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0 || KnownPlurals.Contains(word))
        {
            return word;
        }

        if (SingularToPlural.TryGetValue(word, out var plural))
        {
            return plural;
        }

        foreach (var (suffix, replacement) in Rules)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return replacement is null ? word : word[..^suffix.Length] + replacement;
            }
        }

        return word.EndsWith('s') ? word : word + "s";
    }

    private static Dictionary<string, string> BuildSingularToPlural()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in Words)
        {
            map[word.Singular] = word.Plural;
        }

        return map;
    }

    private static HashSet<string> BuildKnownPlurals()
    {
        var plurals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words.Where(w => !w.Unidirectional))
        {
            plurals.Add(word.Plural);
            if (word.Alternative is not null)
            {
                plurals.Add(word.Alternative);
            }
        }

        return plurals;
    }

    /// <summary>Dictionary compounds first (later words first), then the suffix rules; null replacement = unchanged.</summary>
    private static (string, string?)[] BuildRules()
    {
        var rules = new List<(string, string?)>();
        foreach (var word in Words.Where(w => !w.Exact).Reverse())
        {
            rules.Add((word.Plural, null));
            rules.Add((word.Singular, word.Plural));
        }

        foreach (var (singular, plural) in Suffixes)
        {
            rules.Add((plural, null));
            rules.Add((singular, plural));
        }

        return [.. rules];
    }

    /// <summary>A dictionary word: its plural, an accepted alternative plural, and how it may be used.</summary>
    /// <param name="Unidirectional">The plural is not recognised as already plural (e.g. it belongs to another word).</param>
    /// <param name="Exact">Whole words only: not used as the ending of a compound.</param>
    private sealed record Word(string Singular, string Plural, string? Alternative = null, bool Unidirectional = false, bool Exact = false);
}
