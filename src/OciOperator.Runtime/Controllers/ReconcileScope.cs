using System.Collections;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Controllers;

/// <summary>The structured logging scope of one reconcile (controller, namespace, name, reconcile id).</summary>
internal sealed class ReconcileScope(string controller, ReconcileRequest request, string reconcileId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 5;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Controller", controller),
        1 => new("Namespace", request.Namespace),
        2 => new("Name", request.Name),
        3 => new("Kind", request.Type?.Kind),
        4 => new("ReconcileId", reconcileId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"Controller={controller} {request} ReconcileId={reconcileId}";
}
