using System.Text.Json.Nodes;

namespace OciOperator.Cel.Values;

/// <summary>A lazy CEL list view over a <see cref="JsonArray"/> (elements converted on access).</summary>
internal sealed class JsonArrayListValue : ListValue
{
    private readonly JsonArray _array;
    private readonly CelType? _elemType;

    public JsonArrayListValue(JsonArray array, CelType? elemType = null)
    {
        _array = array;
        _elemType = elemType;
    }

    /// <summary>The wrapped array and its element type (for loops that keep elements raw).</summary>
    internal JsonArray Array => _array;

    internal CelType? ElemType => _elemType;

    public override int Count => _array.Count;

    public override CelValue this[int index] => JsonValues.FromNode(_array[index], _elemType);
}
