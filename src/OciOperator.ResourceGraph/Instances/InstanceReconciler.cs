using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// Reconciles one instance of a compiled graph against the API server: finalizer and labels, a topological walk
/// that applies every resolvable node (several ready layers in one pass), pruning of excluded nodes and shrunk
/// collections, status and conditions written only when they change, an Event per state change, and deletion in
/// reverse topological waves.
/// </summary>
public sealed partial class InstanceReconciler(CompiledGraph graph, IChildApi api, Func<GroupVersionKind, bool, ResourceType> mapper, TimeProvider time)
{
    /// <summary>The fallback poll while something waits and no watch wakes us (kro's 3 s default).</summary>
    public static readonly TimeSpan WaitingRequeue = TimeSpan.FromSeconds(3);

    public ResourceType InstanceType { get; } = mapper(new GroupVersionKind(graph.Schema.Group, graph.Schema.ApiVersion, graph.Schema.Kind), graph.Schema.Scope != "Cluster");

    public async Task<ReconcileResult> ReconcileAsync(string? @namespace, string name, CancellationToken ct)
    {
        var instance = await api.GetAsync(InstanceType, @namespace, name, ct).ConfigureAwait(false);
        if (instance is null)
        {
            return ReconcileResult.Done;
        }

        if (instance["metadata"]?["deletionTimestamp"] is not null)
        {
            return await DeleteAsync(instance, ct).ConfigureAwait(false);
        }

        instance = await EnsureManagedAsync(instance, ct).ConfigureAwait(false);
        if (KroMetadata.IsSuspended(instance["metadata"]?["labels"]?[KroMetadata.Reconcile]?.GetValue<string>())
            || KroMetadata.IsSuspended(instance["metadata"]?["annotations"]?[KroMetadata.Reconcile]?.GetValue<string>()))
        {
            var status = StatusOf(instance, null, InstanceState.InProgress, (InstanceConditions.ReconciliationSuspended, "reconciliation is suspended by the kro.run/reconcile label"));
            await WriteStatusAsync(instance, status, ct).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        var (run, applyErrors) = await WalkAsync(instance, ct).ConfigureAwait(false);
        if (run.InstanceErrors.Count == 0 && applyErrors.Count == 0)
        {
            await PruneAsync(instance, run, ct).ConfigureAwait(false);
        }

        var state = applyErrors.Count > 0 ? InstanceState.Error : run.State;
        var message = applyErrors.Count > 0 ? "resource error: " + string.Join("; ", applyErrors) : run.Summary();
        var reason = run.InstanceErrors.Count > 0 ? InstanceConditions.InvalidInstance
            : state == InstanceState.Active ? InstanceConditions.AllResourcesReady : InstanceConditions.NotReady;
        await WriteStatusAsync(instance, StatusOf(instance, run, state, (reason, message)), ct).ConfigureAwait(false);
        return state == InstanceState.Active ? ReconcileResult.Done : ReconcileResult.After(WaitingRequeue);
    }

    /// <summary>
    /// Runs the graph, applies what became resolvable, feeds the stored objects back as observed state and runs again,
    /// until no new node resolves: a chain of nodes that are ready on apply proceeds in one reconcile.
    /// </summary>
    private async Task<(InstanceRun Run, List<string> ApplyErrors)> WalkAsync(JsonObject instance, CancellationToken ct)
    {
        var observed = new ObservedState();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        while (true)
        {
            var run = InstanceRuntime.Run(graph, instance, observed, ct);
            var progressed = false;
            foreach (var node in run.Nodes)
            {
                if (done.Contains(node.Id) || node.Desired.Count == 0)
                {
                    continue;
                }

                done.Add(node.Id);
                progressed = true;
                var error = await SyncNodeAsync(instance, node, observed, ct).ConfigureAwait(false);
                if (error is not null)
                {
                    errors.Add(error);
                }
            }

            if (!progressed || errors.Count > 0)
            {
                return (run, errors);
            }
        }
    }

    private ResourceType TypeOf(CompiledNode node) => mapper(node.Gvk, node.Namespaced);
}
