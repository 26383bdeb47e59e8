using System.Text.Json.Nodes;

namespace OciOperator.Cel.Values;

/// <summary>A lazy CEL map view over a <see cref="JsonObject"/> (string keys; values converted on access).</summary>
internal sealed class JsonObjectMapValue : MapValue
{
    private readonly JsonObject _object;

    public JsonObjectMapValue(JsonObject obj) => _object = obj;

    public override int Count => _object.Count;

    public override IEnumerable<CelValue> Keys => _object.Select(p => (CelValue)StringValue.Of(p.Key));

    public override bool TryGet(CelValue key, out CelValue value)
    {
        if (key is StringValue s && _object.TryGetPropertyValue(s.Value, out var node))
        {
            value = CelJson.FromNode(node);
            return true;
        }

        value = NullValue.Instance;
        return false;
    }
}
