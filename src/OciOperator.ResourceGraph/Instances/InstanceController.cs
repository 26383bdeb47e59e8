using Microsoft.Extensions.Logging;
using OciOperator.ResourceGraph.Graph;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Controllers;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// The dynamic controller of one RGD kind: an informer on the instance kind, one informer per child kind (only objects
/// kro labelled as children of this kind) that maps a child event to its owning instance, one informer per kind read
/// through an <c>externalRef</c> that maps an event to the instances referencing that object (also one that appears
/// later), a rate-limited queue and workers running <see cref="InstanceReconciler"/>, which reads from these informers'
/// caches (<see cref="ObjectCache"/>). Event-driven: a child's or an external object's change reconciles its instance
/// at once; the reconciler's timed requeue is only a fallback.
/// Started and stopped at run time by its owner.
/// </summary>
public sealed partial class InstanceController : IReconciler, IAsyncDisposable
{
    private readonly InstanceReconciler _reconciler;
    private readonly Controller _controller;
    private readonly ExternalRefIndex _externalRefs = new();
    private readonly ObjectCache _cache = new();
    private readonly List<IInformer> _informers = [];
    private readonly List<Func<CancellationToken, Task>> _runs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private readonly string _kind;
    private readonly string _group;
    private readonly int _children;
    private readonly int _externals;
    private Task _running = Task.CompletedTask;

    public InstanceController(
        CompiledGraph graph,
        IKubeApi kube,
        IChildApi api,
        Func<Schemas.GroupVersionKind, bool, ResourceType> mapper,
        TimeProvider time,
        ILoggerFactory loggers,
        InstanceControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(loggers);
        options ??= new InstanceControllerOptions();
        _kind = graph.Schema.Kind;
        _group = graph.Schema.Group;
        _logger = loggers.CreateLogger<InstanceController>();
        _reconciler = new InstanceReconciler(graph, api, mapper, time, new InstanceReconcilerServices
        {
            Logger = loggers.CreateLogger<InstanceReconciler>(),
            Metrics = options.Metrics,
            ExternalRefs = _externalRefs,
            Cache = _cache,
            ResolveGroupKind = options.ResolveGroupKind,
        });
        _controller = new Controller("instance-" + graph.Schema.Kind.ToLowerInvariant(), this,
            new ControllerOptions { MaxConcurrentReconciles = Math.Max(1, options.Workers), NeedLeaderElection = false }, time, _logger, options.RuntimeMetrics);
        var instances = new Informer<UnstructuredObject>(_reconciler.InstanceType, kube, new InformerOptions(), time, _logger);
        _cache.Add(_reconciler.InstanceType, instances, complete: true);
        Track(instances, instances.AddEventHandler(new ResourceEventHandler<UnstructuredObject>(
            EnqueueInstance, (old, now) => { if (Matters(old, now)) { EnqueueInstance(now); } }, EnqueueInstance)));

        var childTypes = graph.Nodes.Where(n => n.Kind == NodeKind.Template).Select(n => mapper(n.Gvk, n.Namespaced)).ToHashSet();
        var externalTypes = graph.Nodes.Where(n => n.Kind != NodeKind.Template).Select(n => mapper(n.Gvk, n.Namespaced)).ToHashSet();
        _children = childTypes.Count;
        _externals = externalTypes.Count;
        var selector = $"{KroMetadata.Owned}=true,{KroMetadata.InstanceKind}={graph.Schema.Kind},{KroMetadata.InstanceGroup}={ManagedLabels.LabelValue(graph.Schema.Group)}";
        foreach (var type in childTypes.Union(externalTypes))
        {
            var external = externalTypes.Contains(type);
            var child = childTypes.Contains(type);
            // A kind read through an externalRef is watched whole (the referenced objects carry none of our labels).
            var informer = new Informer<UnstructuredObject>(type, kube, new InformerOptions { LabelSelector = external ? null : selector }, time, _logger);
            _cache.Add(type, informer, complete: external);
            void OnEvent(UnstructuredObject o)
            {
                if (child)
                {
                    EnqueueOwner(o);
                }

                if (external)
                {
                    EnqueueReferencing(type, o);
                }
            }

            Track(informer, informer.AddEventHandler(new ResourceEventHandler<UnstructuredObject>(OnEvent, (_, o) => OnEvent(o), OnEvent)));
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
        LogStarting(_logger, _kind, InstanceType.ToString(), _children, _externals);
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

        LogStopped(_logger, _kind, InstanceType.ToString());
        _stop.Dispose();
    }

    /// <summary>
    /// Whether an update of an instance needs a reconcile: its spec (generation), labels (suspension), annotations,
    /// finalizers or deletion changed. Our own status writes do not wake us again.
    /// </summary>
    private static bool Matters(UnstructuredObject old, UnstructuredObject now) =>
        old.Metadata.Generation != now.Metadata.Generation
        || old.Metadata.DeletionTimestamp != now.Metadata.DeletionTimestamp
        || !SameMap(old.Metadata.Labels, now.Metadata.Labels)
        || !SameMap(old.Metadata.Annotations, now.Metadata.Annotations)
        || !(old.Metadata.Finalizers ?? []).SequenceEqual(now.Metadata.Finalizers ?? [])
        || old["status"] is null != now["status"] is null;

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value));

    private void Track(Informer<UnstructuredObject> informer, IDisposable registration)
    {
        _informers.Add(informer);
        _controller.AddSource(informer, registration);
        _runs.Add(informer.RunAsync);
    }

    private void EnqueueInstance(UnstructuredObject instance) => Enqueue(instance.Metadata.NamespaceProperty, instance.Metadata.Name);

    private void Enqueue(string? @namespace, string name) =>
        _controller.Queue.Add(new ReconcileRequest(string.IsNullOrEmpty(@namespace) ? null : @namespace, name, _reconciler.InstanceType));

    private void EnqueueOwner(UnstructuredObject child)
    {
        var labels = child.Metadata.Labels;
        if (labels is not null && ManagedLabels.Resolve(labels, child.Metadata.Annotations, KroMetadata.InstanceName, ManagedLabels.InstanceNameAnnotation) is { } name
            && labels.TryGetValue(KroMetadata.InstanceKind, out var kind) && kind == _kind
            && ManagedLabels.Resolve(labels, child.Metadata.Annotations, KroMetadata.InstanceGroup, ManagedLabels.InstanceGroupAnnotation) == _group)
        {
            LogMapped(_logger, child.Kind, $"{child.Metadata.NamespaceProperty}/{child.Metadata.Name}", _kind, name);
            Enqueue(labels.TryGetValue(KroMetadata.InstanceNamespace, out var ns) ? ns : null, name);
        }
    }

    private void EnqueueReferencing(ResourceType type, UnstructuredObject obj)
    {
        foreach (var instance in _externalRefs.Referencing(type, obj.Metadata.NamespaceProperty, obj.Metadata.Name))
        {
            LogMapped(_logger, type.Kind, $"{obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}", _kind, instance.ToString());
            Enqueue(instance.Namespace, instance.Name);
        }
    }
}
