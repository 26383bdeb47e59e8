namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// The group-kind entries of the KEP-3659 annotation <c>applyset.kubernetes.io/contains-group-kinds</c>:
/// <c>Kind</c> for the core group, <c>Kind.group</c> otherwise, comma-separated and sorted.
/// </summary>
public static class GroupKind
{
    public static string Format(string group, string kind) => group.Length == 0 ? kind : $"{kind}.{group}";

    /// <summary>(group, kind) of one entry: a kind never holds a dot, so the group starts after the first one.</summary>
    public static (string Group, string Kind) Split(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var dot = entry.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (string.Empty, entry) : (entry[(dot + 1)..], entry[..dot]);
    }

    public static SortedSet<string> Parse(string? annotation) =>
        new((annotation ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    public static string Join(IEnumerable<string> entries) => string.Join(",", entries.Order(StringComparer.Ordinal));
}
