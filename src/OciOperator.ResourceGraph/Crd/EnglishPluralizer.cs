namespace OciOperator.ResourceGraph.Crd;

/// <summary>
/// English pluralisation of a lower-cased kind, following gobuffalo/flect's <c>Pluralize</c> as kro uses it: words
/// that are already plural or uncountable stay; irregular words come from a dictionary; then suffix rules
/// (<c>-y</c> after a consonant → <c>-ies</c>, <c>-ch/-sh/-ss/-x/-z</c> → <c>-es</c>, <c>-f/-fe</c> → <c>-ves</c>,
/// <c>-sis</c> → <c>-ses</c>); a word that still ends in <c>s</c> is left alone; otherwise <c>s</c> is appended.
/// Kinds are concatenated words lower-cased (<c>WebApp</c> → <c>webapp</c>), so compound-friendly irregulars
/// (<c>person</c>, <c>child</c>, <c>status</c>) also apply as suffixes (<c>salesperson</c> → <c>salespeople</c>).
/// This is a subset of flect's tables: it covers the common nouns, not every entry.
/// </summary>
internal static class EnglishPluralizer
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["person"] = "people",
        ["child"] = "children",
        ["man"] = "men",
        ["woman"] = "women",
        ["mouse"] = "mice",
        ["goose"] = "geese",
        ["foot"] = "feet",
        ["tooth"] = "teeth",
        ["ox"] = "oxen",
        ["status"] = "statuses",
        ["campus"] = "campuses",
        ["bus"] = "buses",
        ["alias"] = "aliases",
        ["quiz"] = "quizzes",
        ["index"] = "indices",
        ["matrix"] = "matrices",
        ["vertex"] = "vertices",
        ["criterion"] = "criteria",
        ["datum"] = "data",
        ["medium"] = "media",
        ["axis"] = "axes",
        ["photo"] = "photos",
        ["human"] = "humans",
        ["database"] = "databases",
        ["move"] = "moves",
        ["virus"] = "viruses",
    };

    private static readonly HashSet<string> Uncountable = new(StringComparer.Ordinal)
    {
        "equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "deer", "news", "data",
        "metadata", "moose", "offspring", "aircraft", "police",
    };

    private static readonly string[] CompoundIrregulars = ["person", "child", "status"];

    private static readonly (string Suffix, string Plural)[] SuffixRules =
    [
        ("tive", "tives"), ("eaf", "eaves"), ("oaf", "oaves"), ("afe", "aves"), ("arf", "arves"), ("rfe", "rves"),
        ("rf", "rves"), ("lf", "lves"), ("fe", "ves"),
        ("ay", "ays"), ("ey", "eys"), ("oy", "oys"), ("uy", "uys"), ("quy", "quies"), ("y", "ies"),
        ("sis", "ses"), ("ch", "ches"), ("sh", "shes"), ("ss", "sses"), ("x", "xes"), ("z", "zes"),
    ];

    private static readonly HashSet<string> KnownPlurals = new(Irregular.Values, StringComparer.Ordinal);

    public static string Pluralize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0 || Uncountable.Contains(word) || KnownPlurals.Contains(word))
        {
            return word;
        }

        if (Irregular.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        foreach (var compound in CompoundIrregulars)
        {
            if (word.EndsWith(compound, StringComparison.Ordinal))
            {
                return word[..^compound.Length] + Irregular[compound];
            }
        }

        foreach (var (suffix, plural) in SuffixRules)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length] + plural;
            }
        }

        return word.EndsWith('s') ? word : word + "s";
    }
}
