using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary><c>map[string]T</c>: an object whose values are all <see cref="Value"/>.</summary>
internal sealed record MapType(SchemaType Value) : SchemaType
{
    public override IEnumerable<string> Deps() => Value.Deps();

    public override JsonObject Schema(TypeRegistry types) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = Value.Schema(types),
    };

    public override string ToString() => "map[string]" + Value;
}
