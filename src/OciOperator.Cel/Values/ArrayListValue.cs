namespace OciOperator.Cel.Values;

/// <summary>A list held in an array that is never mutated after construction.</summary>
public sealed class ArrayListValue : ListValue
{
    public static readonly ArrayListValue Empty = new([]);
    private readonly CelValue[] _items;

    public ArrayListValue(CelValue[] items) => _items = items;

    public override int Count => _items.Length;

    public override CelValue this[int index] => _items[index];

    public static ArrayListValue Concat(ListValue a, ListValue b)
    {
        if (a.Count == 0 && b is ArrayListValue bl)
        {
            return bl;
        }

        if (b.Count == 0 && a is ArrayListValue al)
        {
            return al;
        }

        var items = new CelValue[a.Count + b.Count];
        for (var i = 0; i < a.Count; i++)
        {
            items[i] = a[i];
        }

        for (var i = 0; i < b.Count; i++)
        {
            items[a.Count + i] = b[i];
        }

        return new ArrayListValue(items);
    }
}
