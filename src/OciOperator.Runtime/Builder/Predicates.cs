using k8s;
using k8s.Models;

namespace OciOperator.Runtime.Builder;

/// <summary>The usual predicates. They only filter updates; creates and deletes always pass.</summary>
public static class Predicates
{
    /// <summary>Passes updates that change <c>metadata.generation</c> (spec changes), not status-only writes.</summary>
    public static EventPredicate<T> GenerationChanged<T>()
        where T : IKubernetesObject<V1ObjectMeta> =>
        new(Update: (o, n) => o.Metadata?.Generation != n.Metadata?.Generation);

    /// <summary>Passes updates that change labels.</summary>
    public static EventPredicate<T> LabelsChanged<T>()
        where T : IKubernetesObject<V1ObjectMeta> =>
        new(Update: (o, n) => !SameMap(o.Metadata?.Labels, n.Metadata?.Labels));

    /// <summary>Passes updates that change annotations.</summary>
    public static EventPredicate<T> AnnotationsChanged<T>()
        where T : IKubernetesObject<V1ObjectMeta> =>
        new(Update: (o, n) => !SameMap(o.Metadata?.Annotations, n.Metadata?.Annotations));

    /// <summary>Passes updates whose resourceVersion changed (drops periodic resyncs).</summary>
    public static EventPredicate<T> ResourceVersionChanged<T>()
        where T : IKubernetesObject<V1ObjectMeta> =>
        new(Update: (o, n) => o.Metadata?.ResourceVersion != n.Metadata?.ResourceVersion);

    /// <summary>Passes an event when any of <paramref name="predicates"/> does.</summary>
    public static EventPredicate<T> Or<T>(params EventPredicate<T>[] predicates) =>
        new(
            o => predicates.Any(p => p.AllowCreate(o)),
            (o, n) => predicates.Any(p => p.AllowUpdate(o, n)),
            o => predicates.Any(p => p.AllowDelete(o)));

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b)
    {
        var left = a ?? new Dictionary<string, string>();
        var right = b ?? new Dictionary<string, string>();
        return left.Count == right.Count && left.All(kv => right.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }
}
