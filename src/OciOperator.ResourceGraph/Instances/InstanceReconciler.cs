using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// Reconciles one instance of a compiled graph against the API server: finalizer and labels, a topological walk
/// that applies every resolvable node (several ready layers in one pass), pruning of excluded nodes and shrunk
/// collections, status and conditions written only when they change (on every exit path), an Event per state change,
/// and deletion in reverse topological waves.
/// </summary>
public sealed partial class InstanceReconciler(
    CompiledGraph graph,
    IChildApi api,
    Func<GroupVersionKind, bool, ResourceType> mapper,
    TimeProvider time,
    InstanceReconcilerServices? services = null)
{
    /// <summary>
    /// The fallback poll while something waits (a child's readiness or data, children being deleted). Every change
    /// that can end a wait is watched and reconciles at once, so this only bounds the delay of a lost event; kro polls
    /// every 3 s because it is not event-driven. Measured (issue 15 scale run): at 3 s, 100 waiting instances made
    /// 33 no-op reconciles a second that queued ahead of the events and held a ready child's dependents back by
    /// 10-50 s at 100-1000 instances.
    /// </summary>
    public static readonly TimeSpan WaitingRequeue = TimeSpan.FromSeconds(30);

    /// <summary>How soon a transient API failure (conflict, throttling, unavailable) is retried.</summary>
    public static readonly TimeSpan TransientRequeue = TimeSpan.FromSeconds(1);

    /// <summary>How often an instance in ERROR is looked at again without any event (a fix of the instance or a child reconciles it at once).</summary>
    public static readonly TimeSpan ErrorRequeue = TimeSpan.FromSeconds(15);

    private readonly InstanceReconcilerServices _services = services ?? new InstanceReconcilerServices();

    public ResourceType InstanceType { get; } = mapper(new GroupVersionKind(graph.Schema.Group, graph.Schema.ApiVersion, graph.Schema.Kind), graph.Schema.Scope != "Cluster");

    private string Gvr => InstanceType.ToString();

    public async Task<ReconcileResult> ReconcileAsync(string? @namespace, string name, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var failed = true;
        try
        {
            var (result, error) = await ReconcileCoreAsync(@namespace, name, ct).ConfigureAwait(false);
            failed = error;
            return result;
        }
        finally
        {
            _services.Metrics?.Reconciled(Gvr, time.GetElapsedTime(started), failed);
        }
    }

    private async Task<(ReconcileResult Result, bool Error)> ReconcileCoreAsync(string? @namespace, string name, CancellationToken ct)
    {
        var instance = await ReadAsync(InstanceType, @namespace, name, ct).ConfigureAwait(false);
        if (instance is null)
        {
            _services.ExternalRefs?.Remove(new ObjectKey(@namespace ?? string.Empty, name));
            return (ReconcileResult.Done, false);
        }

        if (instance["metadata"]?["deletionTimestamp"] is not null)
        {
            return (await DeleteAsync(instance, ct).ConfigureAwait(false), false);
        }

        if (await EnsureManagedAsync(instance, ct).ConfigureAwait(false) is not { } managed)
        {
            // Our copy was older than the stored instance (409): read again soon, from a cache that has caught up.
            return (ReconcileResult.After(TransientRequeue), false);
        }

        instance = managed;
        if (KroMetadata.IsSuspended(instance["metadata"]?["labels"]?[KroMetadata.Reconcile]?.GetValue<string>())
            || KroMetadata.IsSuspended(instance["metadata"]?["annotations"]?[KroMetadata.Reconcile]?.GetValue<string>()))
        {
            LogSuspended(_services.Logger, graph.Schema.Kind, Describe(instance));
            var status = StatusOf(instance, null, InstanceState.InProgress, (InstanceConditions.ReconciliationSuspended, "reconciliation is suspended by the kro.run/reconcile label"), SecretRedactorNone);
            await WriteStatusAsync(instance, status, ct).ConfigureAwait(false);
            return (ReconcileResult.Done, false);
        }

        var walk = await WalkAsync(instance, ct).ConfigureAwait(false);
        var run = walk.Run;
        _services.ExternalRefs?.Set(ObjectKey.Of(instance), walk.ExternalTargets);
        _services.Metrics?.GraphResolution(Gvr, run.InstanceErrors.Count == 0);
        foreach (var node in run.Nodes)
        {
            if (node.Excluded)
            {
                _services.Metrics?.NodeIgnored(Gvr);
            }
            else if (node.Node.IsCollection && node.Resolvable)
            {
                _services.Metrics?.CollectionSize(Gvr, node.Desired.Count);
            }
        }

        var pruneProblems = run.InstanceErrors.Count == 0 && walk.Problems.Count == 0
            ? await PruneAsync(instance, run, ct).ConfigureAwait(false)
            : [];
        if (pruneProblems.Count == 0 && run.InstanceErrors.Count == 0 && walk.Problems.Count == 0)
        {
            instance = await ShrinkInventoryAsync(instance, ct).ConfigureAwait(false) ?? instance;
        }

        var problems = walk.Problems.Concat(pruneProblems).ToList();

        var (state, reason, message) = Outcome(run, problems);
        var redactor = SecretRedactor.From(run, walk.Observed);
        await WriteStatusAsync(instance, StatusOf(instance, run, state, (reason, message), redactor), ct).ConfigureAwait(false);
        var result = state switch
        {
            InstanceState.Active => ReconcileResult.Done,
            InstanceState.Error => ReconcileResult.After(ErrorRequeue),
            _ when problems.Any(p => p.Kind == SyncProblemKind.Transient) => ReconcileResult.After(TransientRequeue),
            _ => ReconcileResult.After(WaitingRequeue),
        };
        return (result, state == InstanceState.Error);
    }

    /// <summary>The state and the <c>ResourcesReady</c> reason and message from a run and the problems of applying it.</summary>
    private static (InstanceState State, string Reason, string Message) Outcome(InstanceRun run, IReadOnlyList<SyncProblem> problems)
    {
        if (run.InstanceErrors.Count > 0)
        {
            return (InstanceState.Error, InstanceConditions.InvalidInstance, run.Summary());
        }

        var errors = problems.Where(p => p.Kind == SyncProblemKind.Error).Select(p => p.Message).ToList();
        if (errors.Count > 0)
        {
            return (InstanceState.Error, InstanceConditions.NotReady, "resource error: " + string.Join("; ", errors));
        }

        if (run.State == InstanceState.Error)
        {
            return (InstanceState.Error, InstanceConditions.NotReady, run.Summary());
        }

        var deleting = problems.Where(p => p.Kind == SyncProblemKind.Deleting).Select(p => p.Message).ToList();
        if (deleting.Count > 0)
        {
            return (InstanceState.InProgress, InstanceConditions.ResourceDeleting, "waiting for deletion to finish: " + string.Join("; ", deleting));
        }

        var transient = problems.Where(p => p.Kind == SyncProblemKind.Transient).Select(p => p.Message).ToList();
        if (transient.Count > 0)
        {
            return (InstanceState.InProgress, InstanceConditions.NotReady, "retrying: " + string.Join("; ", transient));
        }

        return run.State == InstanceState.Active
            ? (InstanceState.Active, InstanceConditions.AllResourcesReady, run.Summary())
            : (InstanceState.InProgress, InstanceConditions.NotReady, run.Summary());
    }

    /// <summary>
    /// Runs the graph, applies what became resolvable, feeds the stored objects back as observed state and runs again,
    /// until no new node resolves: a chain of nodes that are ready on apply proceeds in one reconcile.
    /// </summary>
    private async Task<Walk> WalkAsync(JsonObject instance, CancellationToken ct)
    {
        var observed = new ObservedState();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<SyncProblem>();
        var targets = new List<ExternalRefTarget>();
        while (true)
        {
            var run = InstanceRuntime.Run(graph, instance, observed, ct);
            var progressed = false;
            foreach (var node in run.Nodes)
            {
                if (done.Contains(node.Id) || (node.Desired.Count == 0 && !(node.Node.IsCollection && node.Resolvable)))
                {
                    continue;
                }

                done.Add(node.Id);
                progressed = true;
                if (await SyncNodeAsync(instance, node, observed, targets, ct).ConfigureAwait(false) is { } problem)
                {
                    problems.Add(problem);
                }
            }

            if (!progressed || problems.Count > 0)
            {
                return new Walk(run, observed, problems, targets);
            }
        }
    }

    private ResourceType TypeOf(CompiledNode node) => mapper(node.Gvk, node.Namespaced);

    private static string Describe(JsonObject instance) => ObjectKey.Of(instance).ToString();

    private sealed record Walk(InstanceRun Run, ObservedState Observed, IReadOnlyList<SyncProblem> Problems, IReadOnlyList<ExternalRefTarget> ExternalTargets);
}
