using System.Text.Json;

namespace OciOperator.Cel.Values;

/// <summary>A lazy CEL list view over a JSON array element.</summary>
internal sealed class JsonElementListValue : ListValue
{
    private readonly JsonElement _array;

    public JsonElementListValue(JsonElement array) => _array = array;

    public override int Count => _array.GetArrayLength();

    public override CelValue this[int index] => JsonValues.FromElement(_array[index]);
}
