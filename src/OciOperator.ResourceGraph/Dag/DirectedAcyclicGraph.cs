namespace OciOperator.ResourceGraph.Dag;

/// <summary>
/// A directed graph of dependencies between vertices, knowing nothing about Kubernetes (kro <c>pkg/graph/dag</c>).
/// Vertices remember the order they were added in; that order breaks ties in <see cref="TopologicalSort"/>, so the
/// result is deterministic and keeps the user's order where the edges allow it.
/// </summary>
/// <typeparam name="T">The vertex key.</typeparam>
public sealed class DirectedAcyclicGraph<T>
    where T : notnull
{
    private readonly Dictionary<T, int> _index = [];
    private readonly List<T> _vertices = [];
    private readonly List<SortedSet<int>> _dependencies = [];

    /// <summary>The vertices in the order they were added.</summary>
    public IReadOnlyList<T> Vertices => _vertices;

    /// <summary>Adds a vertex; adding an existing one is a no-op that returns false.</summary>
    public bool AddVertex(T vertex)
    {
        if (_index.ContainsKey(vertex))
        {
            return false;
        }

        _index[vertex] = _vertices.Count;
        _vertices.Add(vertex);
        _dependencies.Add([]);
        return true;
    }

    /// <summary>Records that <paramref name="vertex"/> depends on each of <paramref name="dependencies"/> (all must exist).</summary>
    public void AddDependencies(T vertex, IEnumerable<T> dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        var from = IndexOf(vertex);
        foreach (var dependency in dependencies)
        {
            _dependencies[from].Add(IndexOf(dependency));
        }
    }

    /// <summary>The direct dependencies of a vertex, in vertex order.</summary>
    public IReadOnlyList<T> DependenciesOf(T vertex) => [.. _dependencies[IndexOf(vertex)].Select(i => _vertices[i])];

    /// <summary>
    /// Kahn's algorithm with the smallest insertion index first among the ready vertices, so ties follow the order the
    /// vertices were added. Returns the order, or the first cycle found (searched in vertex order).
    /// </summary>
    public DagSortResult<T> TopologicalSort()
    {
        var count = _vertices.Count;
        var remaining = new int[count];
        var dependents = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            dependents[i] = [];
        }

        for (var i = 0; i < count; i++)
        {
            foreach (var d in _dependencies[i])
            {
                remaining[i]++;
                dependents[d].Add(i);
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < count; i++)
        {
            if (remaining[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = new List<T>(count);
        while (ready.TryDequeue(out var next, out _))
        {
            order.Add(_vertices[next]);
            foreach (var dependent in dependents[next])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Enqueue(dependent, dependent);
                }
            }
        }

        return order.Count == count ? new DagSortResult<T>(order, null) : new DagSortResult<T>(null, FindCycle());
    }

    /// <summary>
    /// Layers for deletion, dependents first: layer 0 holds the vertices nothing depends on, each next layer the
    /// vertices whose dependents are all in earlier layers. Null when the graph has a cycle.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<T>>? ReverseTopologicalLayers()
    {
        var count = _vertices.Count;
        var dependentCount = new int[count];
        for (var i = 0; i < count; i++)
        {
            foreach (var d in _dependencies[i])
            {
                dependentCount[d]++;
            }
        }

        var layers = new List<IReadOnlyList<T>>();
        var done = new bool[count];
        var placed = 0;
        while (placed < count)
        {
            var layer = new List<int>();
            for (var i = 0; i < count; i++)
            {
                if (!done[i] && dependentCount[i] == 0)
                {
                    layer.Add(i);
                }
            }

            if (layer.Count == 0)
            {
                return null;
            }

            foreach (var i in layer)
            {
                done[i] = true;
                placed++;
                foreach (var d in _dependencies[i])
                {
                    dependentCount[d]--;
                }
            }

            layers.Add([.. layer.Select(i => _vertices[i])]);
        }

        return layers;
    }

    private int IndexOf(T vertex) =>
        _index.TryGetValue(vertex, out var i) ? i : throw new ArgumentException($"unknown vertex {vertex}", nameof(vertex));

    private CycleError<T>? FindCycle()
    {
        // 0 = unvisited, 1 = on the current path, 2 = finished.
        var state = new int[_vertices.Count];
        var path = new List<int>();
        for (var start = 0; start < _vertices.Count; start++)
        {
            if (state[start] == 0 && Visit(start, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private CycleError<T>? Visit(int vertex, int[] state, List<int> path)
    {
        state[vertex] = 1;
        path.Add(vertex);
        foreach (var d in _dependencies[vertex])
        {
            if (state[d] == 1)
            {
                var from = path.IndexOf(d);
                return new CycleError<T>([.. path.Skip(from).Append(d).Select(i => _vertices[i])]);
            }

            if (state[d] == 0 && Visit(d, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[vertex] = 2;
        return null;
    }
}
