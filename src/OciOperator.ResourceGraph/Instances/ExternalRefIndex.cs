using System.Collections.Concurrent;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// Which instances read which external objects, as their last reconcile recorded it, so that an event on an external
/// object (changed, created, deleted — also one that does not exist yet) maps back to the instances that reference it.
/// Thread-safe: reconciles write it while informer callbacks read it.
/// </summary>
public sealed class ExternalRefIndex
{
    private readonly ConcurrentDictionary<ObjectKey, IReadOnlyList<ExternalRefTarget>> _byInstance = new();

    /// <summary>Replaces what <paramref name="instance"/> references (an empty list forgets it).</summary>
    public void Set(ObjectKey instance, IReadOnlyList<ExternalRefTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            _byInstance.TryRemove(instance, out _);
        }
        else
        {
            _byInstance[instance] = targets;
        }
    }

    public void Remove(ObjectKey instance) => _byInstance.TryRemove(instance, out _);

    /// <summary>The instances that reference the object <paramref name="namespace"/>/<paramref name="name"/> of <paramref name="type"/>.</summary>
    public IReadOnlyList<ObjectKey> Referencing(ResourceType type, string? @namespace, string name) =>
        [.. _byInstance.Where(p => p.Value.Any(t => t.Matches(type, @namespace, name))).Select(p => p.Key)];

    /// <summary>How many instances reference anything (kro's <c>dynamic_controller_instance_watch_count</c>).</summary>
    public int Count => _byInstance.Count;
}
