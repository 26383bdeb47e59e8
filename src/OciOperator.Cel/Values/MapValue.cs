namespace OciOperator.Cel.Values;

/// <summary>A CEL map. Implementations may be lazy views over host data.</summary>
public abstract class MapValue : CelValue
{
    public abstract int Count { get; }

    public override CelType Type => CelType.MapOfDyn;

    /// <summary>Looks a key up with CEL's heterogeneous numeric key equality.</summary>
    public abstract bool TryGet(CelValue key, out CelValue value);

    public abstract IEnumerable<CelValue> Keys { get; }

    /// <summary>Whether the map has the key (a presence test: views over host data need not convert the value).</summary>
    public virtual bool ContainsKey(CelValue key) => TryGet(key, out _);

    public IEnumerable<KeyValuePair<CelValue, CelValue>> Entries()
    {
        foreach (var k in Keys)
        {
            if (TryGet(k, out var v))
            {
                yield return new KeyValuePair<CelValue, CelValue>(k, v);
            }
        }
    }

    public override object? ToObject() => Entries().ToDictionary(e => e.Key.ToObject() ?? "null", e => e.Value.ToObject());
}
