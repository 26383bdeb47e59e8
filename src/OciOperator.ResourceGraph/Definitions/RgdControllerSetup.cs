using Microsoft.Extensions.Logging;
using OciOperator.ResourceGraph.Crd;
using OciOperator.ResourceGraph.Instances;
using OciOperator.Runtime;
using OciOperator.Runtime.Builder;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Controllers;
using OciOperator.Runtime.Discovery;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Definitions;

/// <summary>
/// Wires the RGD controller (kro.md §7.1): RGDs (spec, annotation, deletion and finalizer changes — not our own status
/// writes), and every CRD: a change to a kro-owned CRD (a manual edit, a delete, Established) reconciles its RGD by the
/// <c>kro.run/resource-graph-definition-name</c> label, and any CRD change wakes the RGDs that wait on CRDs (one they
/// read may have appeared, or the CRD they could not take may be gone). The <see cref="GraphServer"/> runs beside it as a manager runnable.
/// </summary>
public sealed class RgdControllerSetup(ResourceGraphControllerOptions options, TimeProvider time, ILoggerFactory loggerFactory) : IControllerSetup
{
    /// <summary>The controller's name (metrics label, logs, Event source).</summary>
    public const string Name = "resourcegraphdefinition";

    private static readonly EventPredicate<UnstructuredObject> DeletionChanged =
        new(Update: (o, n) => o.Metadata?.DeletionTimestamp != n.Metadata?.DeletionTimestamp);

    private static readonly EventPredicate<UnstructuredObject> FinalizerRemoved =
        new(Update: (o, n) => Finalizers.Has(o, KroMetadata.Finalizer) && !Finalizers.Has(n, KroMetadata.Finalizer));

    /// <summary>Wraps the reconciler the controller runs (tests count reconciles with it).</summary>
    internal Func<IReconciler, IReconciler>? Decorate { get; init; }

    /// <summary>The reconciler, once <see cref="Setup"/> ran (tests read its state).</summary>
    public RgdReconciler? Reconciler { get; private set; }

    /// <summary>The server of the RGDs' kinds, once <see cref="Setup"/> ran.</summary>
    public GraphServer? Server { get; private set; }

    public void Setup(ControllerManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var rgds = manager.Cache.GetInformer<UnstructuredObject>(RgdReconciler.Type);
        var crds = manager.Cache.GetInformer<UnstructuredObject>(RestMapper.CustomResourceDefinitions);
        var restMapper = new RestMapper(manager.Api, time);
        restMapper.WatchCustomResourceDefinitions(manager.Cache);
        var events = new EventRecorder(manager.Api, "kro-" + Name, Environment.MachineName, time, loggerFactory.CreateLogger<EventRecorder>());
        Controller? controller = null;
        var childApi = new KubeChildApi(manager.Api, time);
        var instanceOptions = new InstanceControllerOptions
        {
            Workers = options.InstanceWorkers,
            RuntimeMetrics = manager.Metrics,
            Metrics = new InstanceMetrics(manager.Metrics.Meter),
            ResolveGroupKind = restMapper.FindGroupKindAsync,
        };
        Server = new GraphServer(
            (graph, mapper) => new InstanceController(graph, manager.Api, childApi, mapper, time, loggerFactory, instanceOptions),
            rgd => controller?.Queue.Add(new ReconcileRequest(null, rgd, RgdReconciler.Type)),
            time,
            loggerFactory.CreateLogger<GraphServer>());
        manager.Add(Server);
        var reconciler = new RgdReconciler(manager.Api, rgds, crds, Server, restMapper, events, options, time, loggerFactory.CreateLogger<RgdReconciler>());
        Reconciler = reconciler;
        controller = manager.NewController<UnstructuredObject>(Name, RgdReconciler.Type)
            .WithOptions(new ControllerOptions { MaxConcurrentReconciles = options.MaxConcurrentReconciles })
            .WithEventFilter(Predicates.Or(
                Predicates.GenerationChanged<UnstructuredObject>(),
                Predicates.AnnotationsChanged<UnstructuredObject>(),
                DeletionChanged,
                FinalizerRemoved))
            .Watches<UnstructuredObject>(
                RestMapper.CustomResourceDefinitions,
                crd =>
                {
                    reconciler.CrdsChanged();
                    var owner = crd.Metadata.Labels?.TryGetValue(CrdLabels.Owned, out var owned) == true && owned == "true"
                        && crd.Metadata.Labels.TryGetValue(CrdLabels.RgdName, out var name) ? name : null;
                    return reconciler.WaitingOnCrds.Append(owner).OfType<string>().Distinct(StringComparer.Ordinal)
                        .Select(n => new ReconcileRequest(null, n, RgdReconciler.Type));
                },
                Predicates.ResourceVersionChanged<UnstructuredObject>())
            .Complete(Decorate?.Invoke(reconciler) ?? reconciler);
    }
}
