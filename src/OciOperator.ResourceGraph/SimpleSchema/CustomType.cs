using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>A reference to a type declared in <c>schema.types</c>; its schema is inlined as a deep copy.</summary>
internal sealed record CustomType(string Name) : SchemaType
{
    public override IEnumerable<string> Deps() => [Name];

    public override JsonObject Schema(TypeRegistry types) => types.Resolve(Name).Schema.DeepClone().AsObject();

    public override string ToString() => Name;
}
