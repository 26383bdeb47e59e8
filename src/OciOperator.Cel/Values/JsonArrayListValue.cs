using System.Text.Json.Nodes;

namespace OciOperator.Cel.Values;

/// <summary>A lazy CEL list view over a <see cref="JsonArray"/> (elements converted on access).</summary>
internal sealed class JsonArrayListValue : ListValue
{
    private readonly JsonArray _array;

    public JsonArrayListValue(JsonArray array) => _array = array;

    public override int Count => _array.Count;

    public override CelValue this[int index] => CelJson.FromNode(_array[index]);
}
