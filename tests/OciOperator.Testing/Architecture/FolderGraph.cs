using System.Text.RegularExpressions;

namespace OciOperator.Testing.Architecture;

/// <summary>
/// The dependency graph between the folders (= namespaces) of one src assembly, read from its source: folder A uses
/// folder B when a file of A imports B (<c>using</c>, a using alias, or a fully qualified name) or names a type
/// declared only in B where B is visible to it (imported, or an enclosing namespace). Comments and string literals are
/// ignored. <see cref="Cycles"/> lists the groups of folders that use each other (strongly connected components).
/// </summary>
public sealed partial class FolderGraph
{
    private readonly Dictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);

    private FolderGraph(string rootNamespace) => RootNamespace = rootNamespace;

    /// <summary>The assembly's root namespace (its composition root: DI registration and options).</summary>
    public string RootNamespace { get; }

    /// <summary>The folders each folder uses (namespaces relative to the root, the root itself as <c>""</c>).</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Edges => _edges;

    /// <summary>Reads <c>src/&lt;assembly&gt;</c> of the repository holding the running tests.</summary>
    public static FolderGraph Read(string assembly)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "src", assembly);
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
        return FromSources(assembly, files);
    }

    /// <summary>Builds the graph of the assembly whose root namespace is <paramref name="rootNamespace"/> from its files' text.</summary>
    public static FolderGraph FromSources(string rootNamespace, IEnumerable<string> sources)
    {
        var files = sources.Select(Strip).ToList();
        var assembly = rootNamespace;
        var graph = new FolderGraph(assembly);
        var declaredIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var parsed = new List<(string Namespace, string Code)>();
        foreach (var code in files)
        {
            var ns = NamespacePattern().Match(code) is { Success: true } m ? m.Groups[1].Value : assembly;
            parsed.Add((ns, code));
            foreach (Match type in TypePattern().Matches(code))
            {
                var name = type.Groups[1].Value;
                if (!declaredIn.TryGetValue(name, out var set))
                {
                    declaredIn[name] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(ns);
            }
        }

        var namespaces = parsed.Select(p => p.Namespace).ToHashSet(StringComparer.Ordinal);
        foreach (var (ns, code) in parsed)
        {
            var from = graph.Relative(ns);
            graph.Node(from);
            var imported = UsingPattern().Matches(code).Select(u => u.Groups[1].Value).Where(namespaces.Contains).ToHashSet(StringComparer.Ordinal);
            foreach (Match q in QualifiedPattern().Matches(code))
            {
                // The longest prefix of a qualified name that is one of our namespaces (the rest names a type and members).
                var prefix = q.Value;
                while (prefix.Length > 0 && !namespaces.Contains(prefix))
                {
                    prefix = prefix.LastIndexOf('.') is var dot and > 0 ? prefix[..dot] : string.Empty;
                }

                if (prefix.Length > 0)
                {
                    imported.Add(prefix);
                }
            }

            foreach (var target in imported)
            {
                graph.Add(from, graph.Relative(target));
            }

            foreach (var identifier in IdentifierPattern().Matches(code).Select(i => i.Value).Distinct(StringComparer.Ordinal))
            {
                if (!declaredIn.TryGetValue(identifier, out var owners) || owners.Contains(ns))
                {
                    continue;
                }

                foreach (var owner in owners.Where(o => imported.Contains(o) || ns.StartsWith(o + ".", StringComparison.Ordinal)))
                {
                    graph.Add(from, graph.Relative(owner));
                }
            }
        }

        return graph;
    }

    /// <summary>Groups of two or more folders that reach each other, each as "A -> B -> A" style text.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles(bool includeRoot)
    {
        var nodes = _edges.Keys.Where(n => includeRoot || n.Length > 0).ToList();
        var result = new List<IReadOnlyList<string>>();
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes.Where(n => !assigned.Contains(n)))
        {
            var component = nodes.Where(other => Reaches(node, other, includeRoot) && Reaches(other, node, includeRoot)).ToList();
            assigned.UnionWith(component);
            if (component.Count > 1)
            {
                result.Add(component);
            }
        }

        return result;
    }

    private bool Reaches(string from, string to, bool includeRoot)
    {
        if (from == to)
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in _edges.GetValueOrDefault(current) ?? [])
            {
                if ((includeRoot || next.Length > 0) && seen.Add(next))
                {
                    if (next == to)
                    {
                        return true;
                    }

                    queue.Enqueue(next);
                }
            }
        }

        return false;
    }

    private string Relative(string ns) => ns == RootNamespace ? string.Empty : ns[(RootNamespace.Length + 1)..];

    private void Node(string name)
    {
        if (!_edges.ContainsKey(name))
        {
            _edges[name] = new SortedSet<string>(StringComparer.Ordinal);
        }
    }

    private void Add(string from, string to)
    {
        Node(to);
        if (from != to)
        {
            _edges[from].Add(to);
        }
    }

    private static string Strip(string code) => StripPattern().Replace(code, m => m.Value.StartsWith('/') ? " " : "\"\"");

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:""""|[^""])*""|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])'", RegexOptions.Singleline)]
    private static partial Regex StripPattern();

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record(?:\s+(?:class|struct))?)\s+(\w+)")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();

    [GeneratedRegex(@"\b[A-Z]\w*(?:\.\w+)+")]
    private static partial Regex QualifiedPattern();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex IdentifierPattern();
}
