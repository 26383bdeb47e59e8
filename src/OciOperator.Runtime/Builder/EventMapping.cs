using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Queue;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Builder;

/// <summary>Turns informer events into queue keys through a mapper and predicates (level-based: no event type reaches the reconciler).</summary>
internal static class EventMapping
{
    public static ResourceEventHandler<T> Enqueue<T>(WorkQueue<ReconcileRequest> queue, Func<T, IEnumerable<ReconcileRequest>> map, IReadOnlyList<EventPredicate<T>> predicates) =>
        new(
            OnAdd: obj =>
            {
                if (predicates.All(p => p.AllowCreate(obj)))
                {
                    AddAll(queue, map(obj));
                }
            },
            OnUpdate: (oldObj, newObj) =>
            {
                if (predicates.All(p => p.AllowUpdate(oldObj, newObj)))
                {
                    AddAll(queue, map(newObj));
                }
            },
            OnDelete: obj =>
            {
                if (predicates.All(p => p.AllowDelete(obj)))
                {
                    AddAll(queue, map(obj));
                }
            });

    private static void AddAll(WorkQueue<ReconcileRequest> queue, IEnumerable<ReconcileRequest> requests)
    {
        foreach (var request in requests)
        {
            queue.Add(request);
        }
    }
}
