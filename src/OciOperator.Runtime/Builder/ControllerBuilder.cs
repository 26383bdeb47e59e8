using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Controllers;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Builder;

/// <summary>
/// Fluent controller set-up (controller-runtime's <c>ControllerManagedBy(mgr).For(..).Owns(..).Watches(..).Complete(r)</c>).
/// For <see cref="UnstructuredObject"/> kinds the requests carry the resource type, so one reconciler can serve
/// several dynamic kinds.
/// </summary>
/// <typeparam name="TFor">The primary object type.</typeparam>
public sealed class ControllerBuilder<TFor>
    where TFor : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ControllerManager _manager;
    private readonly string _name;
    private readonly ResourceType _forType;
    private readonly List<EventPredicate<TFor>> _forPredicates = [];
    private readonly List<Action<Controller>> _wiring = [];
    private ControllerOptions? _options;
    private InformerOptions? _informerOptions;

    internal ControllerBuilder(ControllerManager manager, string name, ResourceType forType)
    {
        _manager = manager;
        _name = name;
        _forType = forType;
    }

    private static bool IncludeType => typeof(TFor) == typeof(UnstructuredObject);

    /// <summary>Filters events of the primary kind.</summary>
    public ControllerBuilder<TFor> WithEventFilter(EventPredicate<TFor> predicate)
    {
        _forPredicates.Add(predicate);
        return this;
    }

    /// <summary>Concurrency, timeout and leader-election settings.</summary>
    public ControllerBuilder<TFor> WithOptions(ControllerOptions options)
    {
        _options = options;
        return this;
    }

    /// <summary>Namespace, selectors and resync of the primary informer.</summary>
    public ControllerBuilder<TFor> WithInformerOptions(InformerOptions options)
    {
        _informerOptions = options;
        return this;
    }

    /// <summary>Reconciles the controlling owner (of the primary kind) when an owned object changes.</summary>
    public ControllerBuilder<TFor> Owns<TOwned>(ResourceType ownedType, params EventPredicate<TOwned>[] predicates)
        where TOwned : class, IKubernetesObject<V1ObjectMeta> =>
        Watches(ownedType, OwnerMapping.ToOwner<TOwned>(_forType, onlyController: true, IncludeType), predicates);

    /// <summary>Reconciles whatever <paramref name="mapper"/> returns when an object of <paramref name="type"/> changes.</summary>
    public ControllerBuilder<TFor> Watches<TOther>(ResourceType type, Func<TOther, IEnumerable<ReconcileRequest>> mapper, params EventPredicate<TOther>[] predicates)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(mapper);
        _wiring.Add(controller =>
        {
            var informer = _manager.Cache.GetInformer<TOther>(type);
            var registration = informer.AddEventHandler(EventMapping.Enqueue(controller.Queue, mapper, predicates));
            controller.AddSource(informer, registration);
        });
        return this;
    }

    /// <summary>Creates the controller, wires its informers and adds it to the manager (started at once if the manager runs).</summary>
    public Controller Complete(IReconciler reconciler)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        var options = _options ?? new ControllerOptions { MaxConcurrentReconciles = _manager.Options.MaxConcurrentReconciles };
        options = options with { GracefulShutdownTimeout = options.GracefulShutdownTimeout ?? _manager.Options.GracefulShutdownTimeout };
        var controller = new Controller(_name, reconciler, options, _manager.Time, _manager.LoggerFactory.CreateLogger($"OciOperator.Runtime.Controllers.{_name}"), _manager.Metrics);
        var forType = _forType;
        var includeType = IncludeType;
        var informer = _manager.Cache.GetInformer<TFor>(_forType, _informerOptions);
        var registration = informer.AddEventHandler(EventMapping.Enqueue<TFor>(
            controller.Queue,
            obj => [new ReconcileRequest(obj.Metadata?.NamespaceProperty, obj.Metadata?.Name ?? string.Empty, includeType ? forType : null)],
            _forPredicates));
        controller.AddSource(informer, registration);
        foreach (var wire in _wiring)
        {
            wire(controller);
        }

        _manager.Add(controller);
        return controller;
    }
}
