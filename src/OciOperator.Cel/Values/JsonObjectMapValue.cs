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

    /// <summary>The wrapped object (for evaluation fast paths that walk JSON without wrapping every level).</summary>
    internal JsonObject Object => _object;

    /// <summary>The schema type the object follows, if any.</summary>
    internal CelType? SchemaType => _schemaType;

    public override int Count => _object.Count;

    public override IEnumerable<CelValue> Keys => _object.Select(p => (CelValue)StringValue.Of(p.Key));

    public override bool ContainsKey(CelValue key) => key is StringValue s && _object.ContainsKey(s.Value);

    public override bool TryGet(CelValue key, out CelValue value)
    {
        if (key is StringValue s && _object.TryGetPropertyValue(s.Value, out var node))
        {
            value = JsonValues.FromNode(node, FieldTypeOf(_schemaType, s.Value));
            return true;
        }

        value = NullValue.Instance;
        return false;
    }

    /// <summary>The schema type of a field of an object of type <paramref name="schemaType"/> (null when unknown).</summary>
    internal static CelType? FieldTypeOf(CelType? schemaType, string field) => schemaType switch
    {
        { Fields: { } fields } => fields.TryGetValue(field, out var t) ? t : null,
        { Kind: CelTypeKind.Map } m => m.Value,
        _ => null,
    };
}
