using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Sandbox.Kube.BuiltIns;

/// <summary>
/// The schemas of the built-in kinds the Sandbox serves, from <c>OciOperator.Schemas</c> (derived from
/// KubernetesClient's models and their documentation): as OpenAPI JSON for <c>/openapi/v3</c>, and parsed into a
/// <see cref="StructuralSchema"/> for validation. Each kind is parsed once and kept (a memo of a pure function of the
/// KubernetesClient assembly, like the catalogue it reads).
/// </summary>
internal static class BuiltInKindSchemas
{
    private static readonly ConcurrentDictionary<(string Group, string Version, string Kind), StructuralSchema?> Parsed = new();

    /// <summary>The kind's OpenAPI schema (a private copy), or null for kinds without a model.</summary>
    public static JsonObject? OpenApi(ResourceDescriptor d) =>
        !d.IsCustom && BuiltInSchemas.TryGet(d.Group, d.Version, d.Kind, out var schema) ? schema : null;

    /// <summary>The kind's structural schema, or null for custom resources and kinds without a model.</summary>
    public static StructuralSchema? Structural(ResourceDescriptor d) => d.IsCustom
        ? null
        : Parsed.GetOrAdd((d.Group, d.Version, d.Kind), key =>
            BuiltInSchemas.TryGetSchema(key.Group, key.Version, key.Kind, out var schema) ? StructuralSchema.Parse(schema.ToJsonObject()) : null);
}
