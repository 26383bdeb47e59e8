using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Schemas;

/// <summary>The answer of an <see cref="IResourceSchemaResolver"/> for one kind.</summary>
public sealed record ResourceSchemaLookup
{
    public required ResourceSchemaStatus Status { get; init; }

    /// <summary>The OpenAPI v3 schema of the whole object (apiVersion, kind, metadata, spec, status...), when found.</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>True for namespaced kinds, false for cluster-scoped ones (when found).</summary>
    public bool Namespaced { get; init; } = true;

    /// <summary>
    /// When set, the schema is the same for every lookup with this key (a built-in kind, or one revision of a CRD), so
    /// what is derived from it (its CEL type) may be cached under the key.
    /// </summary>
    public string? CacheKey { get; init; }

    /// <summary>Why it was not found, or which CRD is awaited.</summary>
    public string Detail { get; init; } = string.Empty;

    public static ResourceSchemaLookup Found(JsonObject schema, bool namespaced) =>
        new() { Status = ResourceSchemaStatus.Found, Schema = schema, Namespaced = namespaced };

    public static ResourceSchemaLookup NotFound(string detail) => new() { Status = ResourceSchemaStatus.NotFound, Detail = detail };

    public static ResourceSchemaLookup Waiting(string detail) => new() { Status = ResourceSchemaStatus.WaitingForCrd, Detail = detail };
}
