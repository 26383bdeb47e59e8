using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace OciOperator.Schemas.BuiltIn;

/// <summary>
/// The OpenAPI v3 schemas of the Kubernetes built-in kinds (core/v1 Pod, apps/v1 Deployment, rbac, batch, networking,
/// ... every kind KubernetesClient has a model for), derived from the client's generated model types and the XML
/// documentation its package ships, so that no schema is written by hand and they are known offline. Each schema is
/// structural (every node has a <c>type</c>, or is int-or-string or free-form), carries the descriptions, and is built on
/// first use and then kept; this catalogue is a cache of a pure function of the KubernetesClient assembly, the same for
/// every caller and safe to use from many threads. See <see cref="ModelSchemaBuilder"/> for the mapping and what the
/// models cannot tell (required strings and objects, list types, enums).
/// </summary>
public static class BuiltInSchemas
{
    private static readonly Lazy<BuiltInSchemaCatalog> Catalog = new(() => new BuiltInSchemaCatalog());

    /// <summary>Every known kind, ordered by group, version and kind.</summary>
    public static IReadOnlyList<BuiltInKind> Kinds => Catalog.Value.Kinds;

    /// <summary>The schema of a kind (<paramref name="group"/> empty for core), or false if it is not a built-in kind.</summary>
    public static bool TryGetSchema(string group, string version, string kind, [NotNullWhen(true)] out BuiltInSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(kind);
        return Catalog.Value.TryGet(group, version, kind, out schema);
    }

    /// <summary>
    /// The schema of a kind as a <see cref="JsonObject"/> of the caller's own (see <see cref="BuiltInSchema.ToJsonObject"/>),
    /// or false if it is not a built-in kind.
    /// </summary>
    public static bool TryGet(string group, string version, string kind, [NotNullWhen(true)] out JsonObject? schema)
    {
        schema = TryGetSchema(group, version, kind, out var found) ? found.ToJsonObject() : null;
        return schema is not null;
    }

    /// <summary>The schema of the kind an object's <c>apiVersion</c> and <c>kind</c> name, or false if it is not built in.</summary>
    public static bool TryGetSchema(string apiVersion, string kind, [NotNullWhen(true)] out BuiltInSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? TryGetSchema("", apiVersion, kind, out schema)
            : TryGetSchema(apiVersion[..slash], apiVersion[(slash + 1)..], kind, out schema);
    }

    /// <summary>
    /// A copy of the schema of <c>metadata</c> (meta/v1 ObjectMeta) as every built-in kind has it, derived from the model
    /// like the rest (for CRDs, whose stored schemas leave <c>metadata</c> a bare object, and for OpenAPI documents).
    /// </summary>
    public static JsonObject ObjectMeta()
    {
        // ToJsonObject gives the caller's own tree: detach its metadata instead of copying it again.
        if (!TryGetSchema("", "v1", "ConfigMap", out var configMap) || configMap.ToJsonObject()["properties"] is not JsonObject properties
            || !properties.Remove("metadata", out var metadata) || metadata is not JsonObject objectMeta)
        {
            throw new InvalidOperationException("KubernetesClient has no v1 ConfigMap model to read ObjectMeta from.");
        }

        return objectMeta;
    }
}
