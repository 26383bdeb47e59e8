namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>The custom types built so far (kro's resolver over <c>schema.types</c>).</summary>
internal sealed class TypeRegistry
{
    private readonly Dictionary<string, ResolvedType> _types = new(StringComparer.Ordinal);

    public static TypeRegistry Empty => new();

    public IEnumerable<string> Names => _types.Keys;

    public bool Contains(string name) => _types.ContainsKey(name);

    public ResolvedType Resolve(string name) =>
        _types.TryGetValue(name, out var type) ? type : throw new SimpleSchemaException($"unknown type: {name}");

    internal void Add(string name, ResolvedType type) => _types.Add(name, type);
}
