using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using OciOperator.Cel.Checking;
using OciOperator.Cel.Values;
using OciOperator.ResourceGraph.Schemas;

namespace OciOperator.ResourceGraph.Building;

/// <summary>
/// The schema-with-ObjectMeta and CEL type of each kind, shared by the builds of one <see cref="GraphBuilder"/>:
/// converting a large schema (a Deployment's pod template) to a CEL type is the most expensive step of a build, and
/// the result depends only on the schema, which <see cref="ResourceSchemaLookup.CacheKey"/> identifies.
/// Bounded: when full it starts again empty.
/// </summary>
internal sealed class KindTypeCache
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<string, (JsonObject Schema, CelType Type)> _entries = new(StringComparer.Ordinal);

    /// <summary>The object schema (with ObjectMeta) and its CEL type; named <paramref name="typeName"/> (the kind).</summary>
    public (JsonObject Schema, CelType Type) Get(ResourceSchemaLookup lookup, string typeName)
    {
        if (lookup.CacheKey is null)
        {
            return Convert(lookup.Schema!, typeName);
        }

        if (_entries.TryGetValue(lookup.CacheKey, out var entry))
        {
            return entry;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        entry = Convert(lookup.Schema!, typeName);
        _entries[lookup.CacheKey] = entry;
        return entry;
    }

    private static (JsonObject Schema, CelType Type) Convert(JsonObject schema, string typeName)
    {
        var withMeta = ObjectMetaSchema.WithObjectMeta(schema);
        return (withMeta, OpenApiTypes.FromSchema(withMeta, typeName));
    }
}
