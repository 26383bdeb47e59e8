using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary><c>string</c>, <c>integer</c>, <c>boolean</c> or <c>float</c> (OpenAPI <c>number</c>).</summary>
internal sealed record AtomicType(string Name) : SchemaType
{
    public static bool IsAtomic(string name) => name is "string" or "integer" or "boolean" or "float";

    /// <summary>The OpenAPI <c>type</c> of this atomic.</summary>
    public string OpenApiType => Name == "float" ? "number" : Name;

    public override IEnumerable<string> Deps() => [];

    public override JsonObject Schema(TypeRegistry types) => new() { ["type"] = OpenApiType };

    public override string ToString() => Name;
}
