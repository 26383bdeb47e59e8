using OciOperator.Cel.Values;

namespace OciOperator.Cel.Common;

/// <summary>
/// The container (namespace) names are resolved in, as cel-go's <c>common/containers</c>: a name <c>n</c> in container
/// <c>a.b</c> is looked up as <c>a.b.n</c>, <c>a.n</c>, then <c>n</c>; a leading dot (<c>.n</c>) names the root only.
/// Also the one table of built-in type names shared by the checker and the planner.
/// </summary>
internal sealed class Container
{
    private static readonly string[] RootOnly = [string.Empty];

    private static readonly Dictionary<string, CelType> BuiltinTypes = new(StringComparer.Ordinal)
    {
        ["int"] = CelType.Int,
        ["uint"] = CelType.Uint,
        ["double"] = CelType.Double,
        ["bool"] = CelType.Bool,
        ["string"] = CelType.String,
        ["bytes"] = CelType.Bytes,
        ["list"] = CelType.ListOfDyn,
        ["map"] = CelType.MapOfDyn,
        ["null_type"] = CelType.Null,
        ["type"] = CelType.TypeOfDyn,
        ["optional_type"] = CelType.OptionalOfDyn,
        ["google.protobuf.Timestamp"] = CelType.Timestamp,
        ["google.protobuf.Duration"] = CelType.Duration,
    };

    private readonly string[] _prefixes;

    public Container(string name)
    {
        Name = name;
        var prefixes = new List<string>();
        var c = name;
        while (c.Length > 0)
        {
            prefixes.Add(c + ".");
            var dot = c.LastIndexOf('.');
            c = dot < 0 ? string.Empty : c[..dot];
        }

        prefixes.Add(string.Empty);
        _prefixes = [.. prefixes];
    }

    /// <summary>The container's name (empty for the root).</summary>
    public string Name { get; }

    /// <summary>The prefixes a name is tried with, most qualified first (only the root for a rooted name).</summary>
    public IReadOnlyList<string> Prefixes(bool rooted = false) => rooted ? RootOnly : _prefixes;

    /// <summary>The first qualified form of <paramref name="name"/> that <paramref name="declared"/> accepts, or null.</summary>
    public string? Resolve(string name, Func<string, bool> declared, bool rooted = false)
    {
        foreach (var p in Prefixes(rooted))
        {
            if (declared(p + name))
            {
                return p + name;
            }
        }

        return null;
    }

    /// <summary>The type named <paramref name="name"/>: a built-in type name or one a library registered.</summary>
    public CelType? ResolveType(string name, IReadOnlyDictionary<string, CelType> registered, bool rooted = false)
    {
        foreach (var p in Prefixes(rooted))
        {
            if (BuiltinTypes.TryGetValue(p + name, out var t) || registered.TryGetValue(p + name, out t))
            {
                return t;
            }
        }

        return null;
    }
}
