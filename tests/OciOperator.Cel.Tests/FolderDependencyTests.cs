using System.Text.RegularExpressions;

namespace OciOperator.Cel.Tests;

/// <summary>
/// The folders of the Cel assembly depend on each other one way (no folder uses a folder that uses it back, directly
/// or through others), and the stage folders never reach into the facade namespace. A folder uses another when one
/// of its files has a <c>using</c> of the other's namespace or names a type declared there (comments and string
/// literals ignored); types of the facade namespace <c>OciOperator.Cel</c> are visible to every stage namespace
/// without a <c>using</c>, so only the second rule catches those.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private const string Facade = "(facade)";

    [Test]
    public void Folders_OfTheCelAssembly_FormNoCycle()
    {
        var graph = Dependencies();

        var cycles = StronglyConnected(graph).Where(c => c.Count > 1).Select(c => string.Join(" <-> ", c.Order(StringComparer.Ordinal)));

        Assert.That(cycles, Is.Empty, Describe(graph));
    }

    [Test]
    public void StageFolders_NeverUseTheFacade()
    {
        var graph = Dependencies();

        var users = graph.Where(kv => kv.Key != Facade && kv.Value.ContainsKey(Facade))
            .Select(kv => kv.Key + " (" + string.Join(", ", kv.Value[Facade]) + ")");

        Assert.That(users, Is.Empty);
    }

    [Test]
    public void Dependencies_OfTheCelAssembly_AreFound()
    {
        var graph = Dependencies();

        // The check sees real edges (it would pass vacuously if it saw none).
        Assert.That(graph[Facade].Keys, Is.SupersetOf(new[] { "Parsing", "Checking", "Planning", "Common" }));
        Assert.That(graph["Parsing"].Keys, Does.Contain("Lexing"));
        Assert.That(graph["Planning"].Keys, Does.Contain("Values"));
    }

    private static Dictionary<string, Dictionary<string, SortedSet<string>>> Dependencies()
    {
        var root = Path.Combine(SharedPaths.RepositoryRoot(), "src", "OciOperator.Cel");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(root, f)))
            .ToDictionary(f => f, f => StripCommentsAndStrings(File.ReadAllText(f)));
        var declaredIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (file, text) in files)
        {
            foreach (Match m in Declaration().Matches(text))
            {
                declaredIn.TryAdd(m.Groups[1].Value, []);
                declaredIn[m.Groups[1].Value].Add(FolderOf(root, file));
            }
        }

        var graph = new Dictionary<string, Dictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var (file, text) in files)
        {
            var from = FolderOf(root, file);
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (Match m in UsingDirective().Matches(text))
            {
                var to = m.Groups[1].Success ? m.Groups[1].Value : Facade;
                Add(edges, from, to, Path.GetFileName(file) + ": using");
            }

            var code = UsingDirective().Replace(text, string.Empty);
            foreach (var name in Identifier().Matches(code).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                if (declaredIn.TryGetValue(name, out var folders) && !folders.Contains(from))
                {
                    foreach (var to in folders)
                    {
                        Add(edges, from, to, Path.GetFileName(file) + ": " + name);
                    }
                }
            }
        }

        return graph;
    }

    private static void Add(Dictionary<string, SortedSet<string>> edges, string from, string to, string why)
    {
        if (from != to)
        {
            (edges.TryGetValue(to, out var set) ? set : edges[to] = new SortedSet<string>(StringComparer.Ordinal)).Add(why);
        }
    }

    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string FolderOf(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        var slash = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return slash < 0 ? Facade : relative[..slash];
    }

    private static string StripCommentsAndStrings(string text) => Literal().Replace(text, m => m.Value.StartsWith('/') ? " " : "\"\"");

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, SortedSet<string>>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<List<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in graph.TryGetValue(v, out var edges) ? edges.Keys.ToList() : [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    component.Add(w);
                }
                while (w != v);
                result.Add(component);
            }
        }

        foreach (var v in graph.Keys.Where(v => !index.ContainsKey(v)).ToList())
        {
            Visit(v);
        }

        return result;
    }

    private static string Describe(Dictionary<string, Dictionary<string, SortedSet<string>>> graph) =>
        string.Join(Environment.NewLine, graph.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key + " -> " + string.Join(", ", kv.Value.Select(e => e.Key + " [" + string.Join("; ", e.Value.Take(3)) + "]"))));

    [GeneratedRegex(@"\b(?:class|struct|record|interface|enum)\s+(\w+)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^using\s+OciOperator\.Cel(?:\.(\w+))?;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'", RegexOptions.Singleline)]
    private static partial Regex Literal();
}
