namespace OciOperator.Cel.Values;

/// <summary>A map built by CEL (literals, comprehensions); insertion ordered, never mutated after construction.</summary>
public sealed class DictionaryMapValue : MapValue
{
    public static readonly DictionaryMapValue Empty = new([], new Dictionary<CelValue, CelValue>(MapKeyComparer.Instance));
    private readonly List<CelValue> _keys;
    private readonly Dictionary<CelValue, CelValue> _entries;

    private DictionaryMapValue(List<CelValue> keys, Dictionary<CelValue, CelValue> entries)
    {
        _keys = keys;
        _entries = entries;
    }

    public override int Count => _keys.Count;

    public override IEnumerable<CelValue> Keys => _keys;

    /// <summary>Builds a map; returns an error value for invalid or repeated keys.</summary>
    public static CelValue Create(IReadOnlyList<KeyValuePair<CelValue, CelValue>> entries)
    {
        var keys = new List<CelValue>(entries.Count);
        var dict = new Dictionary<CelValue, CelValue>(entries.Count, MapKeyComparer.Instance);
        foreach (var (k, v) in entries)
        {
            if (!IsValidKey(k))
            {
                return new ErrorValue($"unsupported key type: {k.Type}");
            }

            if (!dict.TryAdd(k, v))
            {
                return new ErrorValue($"Failed with repeated key: {CelValueFormatter.Format(k)}");
            }

            keys.Add(k);
        }

        return new DictionaryMapValue(keys, dict);
    }

    public static bool IsValidKey(CelValue k) => k is IntValue or UintValue or StringValue or BoolValue;

    public override bool TryGet(CelValue key, out CelValue value)
    {
        if (key is DoubleValue d)
        {
            if (MapKeyComparer.TryIntegral(d.Value, out var asInt))
            {
                return _entries.TryGetValue(asInt, out value!);
            }

            value = null!;
            return false;
        }

        return _entries.TryGetValue(key, out value!);
    }
}
