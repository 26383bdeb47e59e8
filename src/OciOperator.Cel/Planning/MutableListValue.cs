using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A list accumulator owned by one comprehension evaluation (the hidden <c>@result</c> variable), appended in place
/// so that map/filter are linear rather than quadratic. It never escapes while still being mutated. Presized from the
/// range (a map fills it exactly, so <see cref="Freeze"/> hands the array over without copying). While every element
/// appended is JSON of one type that wraps without error (<see cref="TryAddRaw"/>), the elements stay unwrapped and the
/// frozen list is a JSON view: nothing is wrapped unless read.
/// </summary>
internal sealed class MutableListValue(int capacity) : ListValue
{
    private CelValue[] _items = [];
    private JsonNode?[]? _raw;
    private CelType? _rawType;
    private int _count;

    public override int Count => _count;

    public override CelValue this[int index] => (uint)index >= (uint)_count
        ? throw new ArgumentOutOfRangeException(nameof(index))
        : _raw is { } raw ? JsonValues.FromNode(raw[index], _rawType) : _items[index];

    /// <summary>Whether a JSON element of this type wraps without error (so wrapping it later changes nothing).</summary>
    public static bool WrapsSafely(CelType? type) => type is null || type.Kind is not (CelTypeKind.Timestamp or CelTypeKind.Duration or CelTypeKind.Bytes);

    /// <summary>Appends a JSON element unwrapped when the list holds only unwrapped elements of the same type; false
    /// (nothing appended) otherwise.</summary>
    public bool TryAddRaw(JsonNode? node, CelType? type)
    {
        if (_count == 0)
        {
            _rawType = type;
            _raw ??= new JsonNode?[capacity > 0 ? capacity : 4];
        }
        else if (_raw is null || !ReferenceEquals(type, _rawType))
        {
            return false;
        }

        if (_count == _raw.Length)
        {
            Array.Resize(ref _raw, _raw.Length * 2);
        }

        _raw[_count++] = node;
        return true;
    }

    public void Add(CelValue v)
    {
        if (_raw is not null)
        {
            WrapRaw();
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length == 0 && capacity > 0 ? capacity : Math.Max(4, _items.Length * 2));
        }

        _items[_count++] = v;
    }

    public ListValue Freeze()
    {
        if (_count == 0)
        {
            return ArrayListValue.Empty;
        }

        if (_raw is { } raw)
        {
            var count = _count;
            _raw = null;
            _count = 0;
            return new JsonArrayListValue(raw, count, _rawType);
        }

        var items = _count == _items.Length ? _items : _items.AsSpan(0, _count).ToArray();
        _items = [];
        _count = 0;
        return new ArrayListValue(items);
    }

    /// <summary>Switches from unwrapped JSON elements to CEL values (a non-JSON element or another type arrived).</summary>
    private void WrapRaw()
    {
        var raw = _raw!;
        _raw = null;
        var items = new CelValue[Math.Max(raw.Length, _count + 1)];
        for (var i = 0; i < _count; i++)
        {
            items[i] = JsonValues.FromNode(raw[i], _rawType);
        }

        _items = items;
    }
}
