using Microsoft.Extensions.Logging;
using OciOperator.ResourceGraph.Graph;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Controllers;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// The dynamic controller of one RGD kind: an informer on the instance kind, one informer per child kind (only objects
/// kro labelled as children of this kind) that maps a child event to its owning instance, a rate-limited queue and
/// workers running <see cref="InstanceReconciler"/>. Event-driven: a child's change reconciles its instance at once;
/// the reconciler's timed requeue is only a fallback. Started and stopped at run time by its owner.
/// </summary>
public sealed class InstanceController : IReconciler, IAsyncDisposable
{
    private readonly InstanceReconciler _reconciler;
    private readonly Controller _controller;
    private readonly List<IInformer> _informers = [];
    private readonly List<Func<CancellationToken, Task>> _runs = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public InstanceController(CompiledGraph graph, IKubeApi kube, IChildApi api, Func<Schemas.GroupVersionKind, bool, ResourceType> mapper, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(loggers);
        _reconciler = new InstanceReconciler(graph, api, mapper, time);
        var logger = loggers.CreateLogger<InstanceController>();
        _controller = new Controller("instance-" + graph.Schema.Kind.ToLowerInvariant(), this,
            new ControllerOptions { MaxConcurrentReconciles = 2, NeedLeaderElection = false }, time, logger);
        var instances = new Informer<UnstructuredObject>(_reconciler.InstanceType, kube, new InformerOptions(), time, logger);
        var onInstance = instances.AddEventHandler(new ResourceEventHandler<UnstructuredObject>(
            o => Enqueue(o.Metadata.NamespaceProperty, o.Metadata.Name), (_, o) => Enqueue(o.Metadata.NamespaceProperty, o.Metadata.Name), o => Enqueue(o.Metadata.NamespaceProperty, o.Metadata.Name)));
        Track(instances, onInstance);
        var selector = $"{KroMetadata.Owned}=true,{KroMetadata.InstanceKind}={graph.Schema.Kind},{KroMetadata.InstanceGroup}={graph.Schema.Group}";
        foreach (var type in graph.Nodes.Where(n => n.Kind == NodeKind.Template).Select(n => mapper(n.Gvk, n.Namespaced)).Distinct())
        {
            var children = new Informer<UnstructuredObject>(type, kube, new InformerOptions { LabelSelector = selector }, time, logger);
            var onChild = children.AddEventHandler(new ResourceEventHandler<UnstructuredObject>(EnqueueOwner, (_, o) => EnqueueOwner(o), EnqueueOwner));
            Track(children, onChild);
        }
    }

    public ResourceType InstanceType => _reconciler.InstanceType;

    /// <summary>Completes when the instance informer and every child informer have listed once (the controller serves).</summary>
    public Task WaitForSyncAsync(CancellationToken ct) => Task.WhenAll(_informers.Select(i => i.WaitForSyncAsync(ct)));

    public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken ct) =>
        _reconciler.ReconcileAsync(request.Namespace, request.Name, ct);

    /// <summary>Starts the informers and the workers; they run until <see cref="DisposeAsync"/>.</summary>
    public void Start()
    {
        var token = _stop.Token;
        _running = Task.WhenAll(_runs.Select(r => Task.Run(() => r(token), CancellationToken.None)).Append(Task.Run(() => _controller.RunAsync(token), CancellationToken.None)));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private void Track(Informer<UnstructuredObject> informer, IDisposable registration)
    {
        _informers.Add(informer);
        _controller.AddSource(informer, registration);
        _runs.Add(informer.RunAsync);
    }

    private void Enqueue(string? @namespace, string name) => _controller.Queue.Add(new ReconcileRequest(@namespace, name, _reconciler.InstanceType));

    private void EnqueueOwner(UnstructuredObject child)
    {
        var labels = child.Metadata.Labels;
        if (labels is not null && labels.TryGetValue(KroMetadata.InstanceName, out var name))
        {
            Enqueue(labels.TryGetValue(KroMetadata.InstanceNamespace, out var ns) ? ns : null, name);
        }
    }
}
