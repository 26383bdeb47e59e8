using System.Text.Json.Nodes;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Tests.Support;

/// <summary>Copies <c>spec.value</c> to <c>status.observed</c> through the status writer; counts calls per key.</summary>
internal sealed class WidgetStatusReconciler(Func<ICacheReader<UnstructuredObject>> cache, StatusWriter writer) : IReconciler
{
    private int _total;

    public int Total => Volatile.Read(ref _total);

    public System.Collections.Concurrent.ConcurrentQueue<ReconcileRequest> Requests { get; } = new();

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref _total);
        Requests.Enqueue(request);
        var widget = cache().Get(request.Namespace, request.Name);
        if (widget is null)
        {
            return ReconcileResult.Done;
        }

        var value = widget["spec"]?["value"]?.GetValue<long>() ?? 0;
        await writer.UpdateStatusAsync(
            request.Type ?? Support.SandboxCluster.Widgets,
            widget,
            w => w["status"] = new JsonObject { ["observed"] = value },
            ct);
        return ReconcileResult.Done;
    }
}
