using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// A custom type after building: its OpenAPI schema (never handed out without a deep copy) and whether an alias
/// declared <c>required=true</c>, which makes every field of this type required in its parent.
/// </summary>
internal sealed record ResolvedType(JsonObject Schema, bool Required);
