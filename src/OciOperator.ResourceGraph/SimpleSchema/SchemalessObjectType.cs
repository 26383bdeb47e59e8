using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary><c>object</c>: any JSON object, kept as written (<c>x-kubernetes-preserve-unknown-fields</c>).</summary>
internal sealed record SchemalessObjectType : SchemaType
{
    public static SchemalessObjectType Instance { get; } = new();

    public override IEnumerable<string> Deps() => [];

    public override JsonObject Schema(TypeRegistry types) => new()
    {
        ["type"] = "object",
        ["x-kubernetes-preserve-unknown-fields"] = true,
    };

    public override string ToString() => "object";
}
