using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// A parsed SimpleSchema type expression (kro <c>pkg/simpleschema/types</c>): what it depends on, and its OpenAPI
/// schema once custom types are known.
/// </summary>
internal abstract record SchemaType
{
    /// <summary>The custom type names this expression references (directly or inside collections).</summary>
    public abstract IEnumerable<string> Deps();

    /// <summary>A fresh OpenAPI v3 schema for this type; custom types are deep-copied from <paramref name="types"/>.</summary>
    public abstract JsonObject Schema(TypeRegistry types);

    /// <summary>The expression as written in SimpleSchema (normalised).</summary>
    public abstract override string ToString();
}
