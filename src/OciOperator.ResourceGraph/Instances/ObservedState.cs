using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// What the cluster holds for an instance's nodes: per node id, the objects observed (one for a resource, the items
/// of a collection, the matches of a selector). Collection items are matched to desired items by namespace and name.
/// </summary>
public sealed class ObservedState
{
    private readonly Dictionary<string, List<JsonObject>> _byNode = new(StringComparer.Ordinal);

    public static ObservedState Empty => new();

    /// <summary>Records an observed object for <paramref name="nodeId"/>, replacing one with the same namespace/name.</summary>
    public ObservedState Set(string nodeId, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (!_byNode.TryGetValue(nodeId, out var list))
        {
            list = [];
            _byNode[nodeId] = list;
        }

        var key = ObjectKey.Of(obj);
        list.RemoveAll(o => ObjectKey.Of(o) == key);
        list.Add(obj);
        return this;
    }

    /// <summary>Marks a node as observed with no objects (an external selector that matched nothing).</summary>
    public ObservedState SetEmpty(string nodeId)
    {
        _byNode[nodeId] = [];
        return this;
    }

    public void Remove(string nodeId, ObjectKey key)
    {
        if (_byNode.TryGetValue(nodeId, out var list))
        {
            list.RemoveAll(o => ObjectKey.Of(o) == key);
        }
    }

    public bool Has(string nodeId) => _byNode.ContainsKey(nodeId);

    public IReadOnlyList<JsonObject> Of(string nodeId) => _byNode.TryGetValue(nodeId, out var list) ? list : [];

    /// <summary>The observed object with the same namespace and name as <paramref name="desired"/>, if any.</summary>
    public JsonObject? Find(string nodeId, JsonObject desired)
    {
        var key = ObjectKey.Of(desired);
        return Of(nodeId).FirstOrDefault(o => ObjectKey.Of(o) == key);
    }
}
