using System.Text.Json;

namespace OciOperator.Cel.Values;

/// <summary>A lazy CEL map view over a JSON object element.</summary>
internal sealed class JsonElementMapValue : MapValue
{
    private readonly JsonElement _object;

    public JsonElementMapValue(JsonElement obj) => _object = obj;

    public override int Count => _object.EnumerateObject().Count();

    public override IEnumerable<CelValue> Keys => _object.EnumerateObject().Select(p => (CelValue)StringValue.Of(p.Name));

    public override bool TryGet(CelValue key, out CelValue value)
    {
        if (key is StringValue s && _object.TryGetProperty(s.Value, out var el))
        {
            value = JsonValues.FromElement(el);
            return true;
        }

        value = NullValue.Instance;
        return false;
    }
}
