namespace OciOperator.Benchmarks.DbSystem;

/// <summary>Request counts by key (an OCI operation, or a Kubernetes verb and resource) at one moment.</summary>
internal sealed record RequestCounts(IReadOnlyDictionary<string, long> ByKey)
{
    public static RequestCounts From(IReadOnlyDictionary<string, int> counts) =>
        new(counts.ToDictionary(c => c.Key, c => (long)c.Value, StringComparer.Ordinal));

    public long Total => ByKey.Values.Sum();

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot (keys with no new requests left out).</summary>
    public RequestCounts Since(RequestCounts earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new(ByKey
            .Select(kv => (kv.Key, Value: kv.Value - earlier.ByKey.GetValueOrDefault(kv.Key)))
            .Where(kv => kv.Value != 0)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }

    public RequestCounts Where(Func<string, bool> keep) =>
        new(ByKey.Where(kv => keep(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));

    /// <summary><c>Op a/d, Op b/d</c>: each count divided by <paramref name="per"/>, largest first.</summary>
    public string Format(double per) =>
        ByKey.Count == 0
            ? "none"
            : string.Join(", ", ByKey.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value / per:0.##}")));
}
