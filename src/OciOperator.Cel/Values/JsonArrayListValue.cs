using System.Text.Json.Nodes;

namespace OciOperator.Cel.Values;

/// <summary>
/// A lazy CEL list view over JSON elements (converted on access): a <see cref="JsonArray"/>, or the JSON elements a
/// comprehension gathered (the result of <c>filter</c>/<c>map</c> over JSON, kept unwrapped; never mutated).
/// </summary>
internal sealed class JsonArrayListValue : ListValue
{
    private readonly JsonArray? _array;
    private readonly JsonNode?[]? _nodes;
    private readonly int _count;
    private readonly CelType? _elemType;

    public JsonArrayListValue(JsonArray array, CelType? elemType = null)
    {
        _array = array;
        _elemType = elemType;
    }

    /// <summary>A list of the first <paramref name="count"/> of <paramref name="nodes"/> (which the caller gives up).</summary>
    internal JsonArrayListValue(JsonNode?[] nodes, int count, CelType? elemType)
    {
        _nodes = nodes;
        _count = count;
        _elemType = elemType;
    }

    /// <summary>The element type (for loops that keep elements raw).</summary>
    internal CelType? ElemType => _elemType;

    public override int Count => _nodes is null ? _array!.Count : _count;

    public override CelValue this[int index] => JsonValues.FromNode(NodeAt(index), _elemType);

    /// <summary>The element at <paramref name="index"/>, unwrapped.</summary>
    internal JsonNode? NodeAt(int index)
    {
        if (_nodes is not { } nodes)
        {
            return _array![index];
        }

        return (uint)index < (uint)_count ? nodes[index] : throw new ArgumentOutOfRangeException(nameof(index));
    }
}
