using System.Text.Json.Nodes;

namespace OciOperator.Cel.Values;

/// <summary>A lazy CEL map view over a <see cref="JsonObject"/> (string keys; values converted on access).</summary>
internal sealed class JsonObjectMapValue : MapValue
{
    private readonly JsonObject _object;
    private readonly CelType? _schemaType;

    public JsonObjectMapValue(JsonObject obj, CelType? schemaType = null)
    {
        _object = obj;
        _schemaType = schemaType;
    }

    public override int Count => _object.Count;

    public override IEnumerable<CelValue> Keys => _object.Select(p => (CelValue)StringValue.Of(p.Key));

    public override bool TryGet(CelValue key, out CelValue value)
    {
        if (key is StringValue s && _object.TryGetPropertyValue(s.Value, out var node))
        {
            value = CelJson.FromNode(node, FieldType(s.Value));
            return true;
        }

        value = NullValue.Instance;
        return false;
    }

    private CelType? FieldType(string field) => _schemaType switch
    {
        { Fields: { } fields } => fields.TryGetValue(field, out var t) ? t : null,
        { Kind: CelTypeKind.Map } m => m.Value,
        _ => null,
    };
}
