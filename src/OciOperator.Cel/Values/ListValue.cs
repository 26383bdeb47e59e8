namespace OciOperator.Cel.Values;

/// <summary>A CEL list. Implementations may be lazy views over host data.</summary>
public abstract class ListValue : CelValue
{
    public abstract int Count { get; }

    public abstract CelValue this[int index] { get; }

    public override CelType Type => CelType.ListOfDyn;

    public IEnumerable<CelValue> Items()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    public override object? ToObject() => Items().Select(v => v.ToObject()).ToList();
}
