using System.Collections.Frozen;
using System.Text.Json;
using k8s.Models;

namespace OciOperator.Schemas.BuiltIn;

/// <summary>
/// The built-in kinds (<see cref="BuiltInKindDiscovery"/>) and their schemas, each built on first use and kept.
/// Thread-safe: the index is fixed at construction and each schema is built once (<see cref="Lazy{T}"/>).
/// <see cref="BuiltInSchemas"/> holds the process's one instance; tests and benchmarks build their own.
/// </summary>
internal sealed class BuiltInSchemaCatalog
{
    private readonly FrozenDictionary<(string Group, string Version, string Kind), Lazy<BuiltInSchema>> _schemas;
    private readonly Lazy<ModelSchemaBuilder> _builder;

    public BuiltInSchemaCatalog()
        : this(new Lazy<ModelDocumentation>(ModelDocumentation.LoadEmbedded))
    {
    }

    public BuiltInSchemaCatalog(Lazy<ModelDocumentation> documentation)
    {
        ArgumentNullException.ThrowIfNull(documentation);
        _builder = new Lazy<ModelSchemaBuilder>(() => new ModelSchemaBuilder(documentation.Value));
        var entries = new Dictionary<(string, string, string), Lazy<BuiltInSchema>>();
        var kinds = new List<BuiltInKind>();
        foreach (var (kind, type) in BuiltInKindDiscovery.Discover())
        {
            if (!entries.TryAdd((kind.Group, kind.Version, kind.Kind), new Lazy<BuiltInSchema>(() => Build(kind, type))))
            {
                throw new InvalidOperationException($"Two KubernetesClient models claim {kind}.");
            }

            kinds.Add(kind);
        }

        _schemas = entries.ToFrozenDictionary();
        Kinds = [.. kinds.OrderBy(k => k.Group, StringComparer.Ordinal).ThenBy(k => k.Version, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal)];
    }

    /// <summary>Every known kind, ordered by group, version and kind.</summary>
    public IReadOnlyList<BuiltInKind> Kinds { get; }

    public bool TryGet(string group, string version, string kind, out BuiltInSchema? schema)
    {
        if (_schemas.TryGetValue((group, version, kind), out var entry))
        {
            schema = entry.Value;
            return true;
        }

        schema = null;
        return false;
    }

    private BuiltInSchema Build(BuiltInKind kind, Type type)
    {
        using var document = JsonDocument.Parse(_builder.Value.ForKind(type, kind));
        return new BuiltInSchema(kind, type, document.RootElement.Clone());
    }
}
