
namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>A string field spec <c>typeExpr [| markers]</c>, split on the first <c>|</c>.</summary>
internal sealed record FieldSpec(SchemaType Type, IReadOnlyList<Marker> Markers)
{
    public static FieldSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var bar = spec.IndexOf('|', StringComparison.Ordinal);
        var type = TypeParser.Parse(bar < 0 ? spec : spec[..bar]);
        var markers = bar < 0 ? [] : MarkerParser.Parse(spec[(bar + 1)..]);
        return new FieldSpec(type, markers);
    }
}
