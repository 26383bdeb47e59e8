using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary><c>[]T</c>: an array of <see cref="Element"/>.</summary>
internal sealed record SliceType(SchemaType Element) : SchemaType
{
    public override IEnumerable<string> Deps() => Element.Deps();

    public override JsonObject Schema(TypeRegistry types) => new()
    {
        ["type"] = "array",
        ["items"] = Element.Schema(types),
    };

    public override string ToString() => "[]" + Element;
}
