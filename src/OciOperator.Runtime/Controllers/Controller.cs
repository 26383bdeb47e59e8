using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Metrics;
using OciOperator.Runtime.Queue;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Controllers;

/// <summary>
/// Runs a reconciler over a rate-limited work queue with a fixed number of workers. Workers start only after
/// every watched informer has synced. The queue policy lives in <see cref="HandleResult"/>: an error is re-added
/// with rate limiting (unless terminal), <c>RequeueAfter</c> forgets and re-adds later, success forgets.
/// </summary>
public sealed partial class Controller : IRunnable
{
    /// <summary>The activity source of the per-reconcile span.</summary>
    public static readonly ActivitySource ActivitySource = new("OciOperator.Runtime");

    private readonly IReconciler _reconciler;
    private readonly ControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RuntimeMetrics? _metrics;
    private readonly List<IInformer> _sources = [];
    private readonly List<IDisposable> _registrations = [];

    public Controller(string name, IReconciler reconciler, ControllerOptions options, TimeProvider time, ILogger logger, RuntimeMetrics? metrics = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentReconciles, 1);
        Name = name;
        _reconciler = reconciler;
        _options = options;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        Queue = new WorkQueue<ReconcileRequest>(name, time, RateLimiters.DefaultControllerRateLimiter<ReconcileRequest>(time), metrics);
    }

    public string Name { get; }

    /// <summary>The controller's queue; event handlers add keys to it.</summary>
    public WorkQueue<ReconcileRequest> Queue { get; }

    public bool NeedLeaderElection => _options.NeedLeaderElection;

    /// <summary>Informers whose sync the workers wait for.</summary>
    public IReadOnlyList<IInformer> Sources => _sources;

    /// <summary>Registers an informer the controller watches and the handler registration to undo on stop.</summary>
    public void AddSource(IInformer informer, IDisposable registration)
    {
        _sources.Add(informer);
        _registrations.Add(registration);
    }

    /// <summary>
    /// Waits for the caches, runs the workers until <paramref name="ct"/> fires, then lets in-flight reconciles
    /// finish: they keep an uncancelled token for <see cref="ControllerOptions.GracefulShutdownTimeout"/>, after
    /// which it is cancelled. No new reconcile starts once <paramref name="ct"/> fired.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        _metrics?.SetMaxConcurrentReconciles(Name, _options.MaxConcurrentReconciles);
        var grace = _options.GracefulShutdownTimeout ?? TimeSpan.FromSeconds(30);
        using var hardStop = new CancellationTokenSource();
        var timerGate = new Lock();
        ITimer? timer = null;
        var registration = ct.Register(() =>
        {
            lock (timerGate)
            {
                timer = _time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), hardStop, grace, Timeout.InfiniteTimeSpan);
            }
        });
        try
        {
            await Task.WhenAll(_sources.Select(s => s.WaitForSyncAsync(ct))).ConfigureAwait(false);
            LogStarting(_logger, Name, _options.MaxConcurrentReconciles);
            var workers = new Task[_options.MaxConcurrentReconciles];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = WorkerAsync(ct, hardStop.Token);
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            lock (timerGate)
            {
                timer?.Dispose();
            }

            foreach (var source in _registrations)
            {
                source.Dispose();
            }

            await Queue.ShutDownWithDrainAsync(CancellationToken.None).ConfigureAwait(false);
            Queue.Dispose();
            _metrics?.RemoveController(Name);
            LogStopped(_logger, Name);
        }
    }

    // Takes work until `stop` fires; a reconcile gets `hardStop`, which fires only when the grace period is over.
    private async Task WorkerAsync(CancellationToken stop, CancellationToken hardStop)
    {
        // Yield so workers do not run synchronously inside RunAsync.
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            bool ok;
            ReconcileRequest request;
            try
            {
                (ok, request) = await Queue.GetAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            if (!ok)
            {
                return;
            }

            _metrics?.WorkerStarted(Name);
            try
            {
                await ProcessAsync(request, hardStop).ConfigureAwait(false);
            }
            finally
            {
                _metrics?.WorkerStopped(Name);
                Queue.Done(request);
            }
        }
    }

    private async Task ProcessAsync(ReconcileRequest request, CancellationToken ct)
    {
        var reconcileId = Guid.NewGuid().ToString("N");
        using var scope = _logger.BeginScope(new ReconcileScope(Name, request, reconcileId));
        using var activity = ActivitySource.StartActivity($"reconcile {Name}", ActivityKind.Internal);
        activity?.SetTag("controller", Name);
        activity?.SetTag("k8s.namespace.name", request.Namespace);
        activity?.SetTag("k8s.object.name", request.Name);
        activity?.SetTag("reconcile.id", reconcileId);
        var started = _time.GetTimestamp();
        ReconcileResult? result = null;
        Exception? failure = null;
        using var timeout = _options.ReconcileTimeout is { } limit ? new CancellationTokenSource(limit, _time) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            result = await _reconciler.ReconcileAsync(request, linked?.Token ?? ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the key is dropped with the queue; the next leader or start picks it up again.
            return;
        }
#pragma warning disable CA1031 // The queue owns retries: whatever a reconciler throws becomes a rate-limited retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }

        var label = HandleResult(request, result, failure, reconcileId);
        activity?.SetStatus(failure is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        _metrics?.ReconcileFinished(Name, label, _time.GetElapsedTime(started));
    }

    // The one place that maps a reconcile outcome to queue actions.
    private string HandleResult(ReconcileRequest request, ReconcileResult? result, Exception? failure, string reconcileId)
    {
        switch (failure)
        {
            case TerminalReconcileException terminal:
                Queue.Forget(request);
                LogTerminal(_logger, Name, request.Namespace, request.Name, reconcileId, terminal);
                return ReconcileResultLabels.Error;
            case not null:
                Queue.AddRateLimited(request);
                LogFailed(_logger, Name, request.Namespace, request.Name, reconcileId, Queue.NumRequeues(request), failure);
                return ReconcileResultLabels.Error;
        }

        if (result?.RequeueAfter is { } after && after > TimeSpan.Zero)
        {
            Queue.Forget(request);
            Queue.AddAfter(request, after);
            return ReconcileResultLabels.RequeueAfter;
        }

        Queue.Forget(request);
        return ReconcileResultLabels.Success;
    }
}
