using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A list accumulator owned by one comprehension evaluation (the hidden <c>@result</c> variable), appended in place
/// so that map/filter are linear rather than quadratic. It never escapes while still being mutated. Presized from the
/// range (a map fills it exactly, so <see cref="Freeze"/> hands the array over without copying).
/// </summary>
internal sealed class MutableListValue(int capacity) : ListValue
{
    private CelValue[] _items = capacity > 0 ? new CelValue[capacity] : [];
    private int _count;

    public override int Count => _count;

    public override CelValue this[int index] => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(CelValue v)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _items.Length * 2));
        }

        _items[_count++] = v;
    }

    public ArrayListValue Freeze()
    {
        if (_count == 0)
        {
            return ArrayListValue.Empty;
        }

        var items = _count == _items.Length ? _items : _items.AsSpan(0, _count).ToArray();
        _items = [];
        _count = 0;
        return new ArrayListValue(items);
    }
}
