using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>An immutable set of <see cref="FieldPath"/>s, convertible to and from the <c>fieldsV1</c> JSON tree.</summary>
internal sealed class FieldSet
{
    private readonly HashSet<FieldPath> paths;

    public FieldSet(IEnumerable<FieldPath> paths)
    {
        this.paths = [.. paths];
    }

    public static FieldSet Empty { get; } = new([]);

    public IReadOnlyCollection<FieldPath> Paths => paths;

    public int Count => paths.Count;

    public bool IsEmpty => paths.Count == 0;

    public bool Contains(FieldPath path) => paths.Contains(path);

    /// <summary>True when the set holds <paramref name="path"/> or anything below it.</summary>
    public bool ContainsOrHasDescendant(FieldPath path) => paths.Contains(path) || paths.Any(path.IsPrefixOf);

    public FieldSet Union(FieldSet other) => new(paths.Concat(other.paths));

    public FieldSet Intersect(FieldSet other) => new(paths.Where(other.Contains));

    public FieldSet Except(FieldSet other) => new(paths.Where(p => !other.Contains(p)));

    /// <summary>This set without <paramref name="removed"/> paths and everything below them.</summary>
    public FieldSet ExceptWithDescendants(FieldSet removed) =>
        removed.IsEmpty ? this : new(paths.Where(p => !removed.Paths.Any(r => r.IsPrefixOf(p))));

    public FieldSet Where(Func<FieldPath, bool> predicate) => new(paths.Where(predicate));

    /// <summary>Parses a <c>fieldsV1</c> tree (<c>{"f:spec":{"f:replicas":{}}}</c>; <c>"."</c> marks an inner member).</summary>
    public static FieldSet FromFieldsV1(JsonObject? tree)
    {
        var result = new List<FieldPath>();
        if (tree is not null)
        {
            Collect(tree, FieldPath.Root, result);
        }

        return new FieldSet(result);
    }

    /// <summary>Renders the set as a <c>fieldsV1</c> tree, children sorted, <c>"."</c> first.</summary>
    public JsonObject ToFieldsV1()
    {
        var root = new Node();
        foreach (var path in paths)
        {
            var node = root;
            foreach (var element in path.Elements)
            {
                if (!node.Children.TryGetValue(element, out var child))
                {
                    child = new Node();
                    node.Children.Add(element, child);
                }

                node = child;
            }

            node.Member = true;
        }

        return Render(root);
    }

    private static void Collect(JsonObject tree, FieldPath path, List<FieldPath> result)
    {
        foreach (var (key, value) in tree)
        {
            if (key == ".")
            {
                if (path.Length > 0)
                {
                    result.Add(path);
                }

                continue;
            }

            var child = path.Append(FieldPath.Canonical(key));
            if (value is JsonObject { Count: > 0 } subtree)
            {
                Collect(subtree, child, result);
            }
            else
            {
                result.Add(child);
            }
        }
    }

    private static JsonObject Render(Node node)
    {
        var json = new JsonObject();
        if (node.Member && node.Children.Count > 0)
        {
            json["."] = new JsonObject();
        }

        foreach (var (element, child) in node.Children)
        {
            json[element] = Render(child);
        }

        return json;
    }

    private sealed class Node
    {
        public bool Member { get; set; }

        public SortedDictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
    }
}
