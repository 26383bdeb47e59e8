using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Schemas.BuiltIn;

/// <summary>
/// The OpenAPI v3 schema of one built-in kind, derived from its KubernetesClient model type. The schema is held as an
/// immutable <see cref="JsonElement"/>; <see cref="ToJsonObject"/> hands out a private, lazily materialized copy, so no
/// caller can change what another one reads.
/// </summary>
public sealed class BuiltInSchema
{
    internal BuiltInSchema(BuiltInKind kind, Type modelType, JsonElement schema)
    {
        Kind = kind;
        ModelType = modelType;
        Schema = schema;
    }

    /// <summary>The kind this schema describes.</summary>
    public BuiltInKind Kind { get; }

    /// <summary>The KubernetesClient model type the schema was derived from, e.g. <c>k8s.Models.V1Deployment</c>.</summary>
    public Type ModelType { get; }

    /// <summary>The schema (an object with <c>type</c>, <c>description</c>, <c>properties</c>, ...), read-only.</summary>
    public JsonElement Schema { get; }

    /// <summary>
    /// The schema as a new <see cref="JsonObject"/> for this caller only: it is backed by the shared immutable element and
    /// materializes nodes as they are read, so it costs little until it is walked, and changing it changes nothing else.
    /// </summary>
    public JsonObject ToJsonObject() => JsonObject.Create(Schema) ?? throw new InvalidOperationException("A built-in schema is always a JSON object.");
}
