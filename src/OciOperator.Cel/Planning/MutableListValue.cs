using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A list accumulator owned by one comprehension evaluation (the hidden <c>@result</c> variable), appended in place
/// so that map/filter are linear rather than quadratic. It never escapes while still being mutated.
/// </summary>
internal sealed class MutableListValue : ListValue
{
    private readonly List<CelValue> _items = [];

    public override int Count => _items.Count;

    public override CelValue this[int index] => _items[index];

    public void Add(CelValue v) => _items.Add(v);

    public ArrayListValue Freeze() => new([.. _items]);
}
