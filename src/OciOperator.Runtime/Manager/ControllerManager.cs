using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.LeaderElection;
using OciOperator.Runtime.Metrics;

namespace OciOperator.Runtime.Manager;

/// <summary>
/// The host of caches and controllers (controller-runtime's manager). It starts the informer cache and waits, at
/// most <see cref="ControllerRuntimeOptions.CacheSyncTimeout"/>, until it has synced; then it is running: runnables
/// that need no leadership start at once, leader-only ones only while leading. Runnables may be added and removed
/// while it runs (dynamic kinds).
/// <para>
/// A dead manager must not leave a live process: a cache that does not sync in time, an informer that stops, a
/// runnable that fails and a lost lease are fatal. The manager then stops everything, records
/// <see cref="Failure"/> and ends with it (the host stops; the command exits non-zero and the kubelet restarts the
/// pod), as controller-runtime's <c>Start</c> returns its error.
/// </para>
/// </summary>
public sealed partial class ControllerManager : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly List<RunnableEntry> _runnables = [];
    private readonly List<Task> _stopping = [];
    private readonly ILeaderElection? _election;
    private readonly IEnumerable<IControllerSetup> _setups;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<Exception> _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _runToken;
    private bool _started;
    private bool _leading;
    private volatile bool _isRunning;
    private volatile bool _leaderStateKnown;
    private volatile Exception? _failure;

    public ControllerManager(
        IKubeApi api,
        InformerCache cache,
        ControllerRuntimeOptions options,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        RuntimeMetrics metrics,
        ILeaderElection? election = null,
        IEnumerable<IControllerSetup>? setups = null)
    {
        Api = api;
        Cache = cache;
        Options = options;
        Time = time;
        LoggerFactory = loggerFactory;
        Metrics = metrics;
        _election = options.LeaderElection ? election ?? throw new ArgumentException("leader election is on but no ILeaderElection was given", nameof(election)) : null;
        _setups = setups ?? [];
        _logger = loggerFactory.CreateLogger<ControllerManager>();
    }

    public IKubeApi Api { get; }

    public InformerCache Cache { get; }

    public ControllerRuntimeOptions Options { get; }

    public TimeProvider Time { get; }

    public ILoggerFactory LoggerFactory { get; }

    public RuntimeMetrics Metrics { get; }

    /// <summary>True while leader-only runnables may run (always, when leader election is off).</summary>
    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _leading;
            }
        }
    }

    /// <summary>The last leader identity observed.</summary>
    public string? CurrentLeader { get; private set; }

    /// <summary>Running: the caches synced once, and the manager has neither failed nor begun to stop.</summary>
    public bool IsRunning => _isRunning;

    /// <summary>Why the manager ended, when it ended on a fatal error; null otherwise.</summary>
    public Exception? Failure => _failure;

    /// <summary>Ready: running, every informer synced now and, when electing, the lease state known.</summary>
    public bool IsReady => _isRunning && Cache.IsReady && (_election is null || _leaderStateKnown);

    /// <summary>Healthy while running (<c>/healthz</c>): not before the caches synced, not after a failure or a stop.</summary>
    public bool IsHealthy => _isRunning;

    /// <summary>Why the manager is not ready now (empty when ready), for <c>/readyz</c>.</summary>
    public IReadOnlyList<string> NotReadyReasons
    {
        get
        {
            var reasons = new List<string>();
            if (!_isRunning)
            {
                reasons.Add(NotRunningReason);
            }

            reasons.AddRange(Cache.NotReady);
            if (_election is not null && !_leaderStateKnown)
            {
                reasons.Add("leader election: no leader observed yet");
            }

            return reasons;
        }
    }

    /// <summary>Why the manager is not running (for <c>/healthz</c>).</summary>
    public string NotRunningReason => _failure is { } failure
        ? $"manager failed: {failure.Message}"
        : _running.Task.IsCompleted ? "manager stopped" : "manager starting: waiting for the caches to sync";

    /// <summary>
    /// Completes when the manager is running (caches synced); throws its <see cref="Failure"/> if it failed first,
    /// or <see cref="OperationCanceledException"/> if it stopped first.
    /// </summary>
    public Task WaitUntilRunningAsync(CancellationToken ct) => _running.Task.WaitAsync(ct);

    /// <summary>Adds a runnable; if the manager already runs (and leads, where needed) it starts at once.</summary>
    public void Add(IRunnable runnable)
    {
        ArgumentNullException.ThrowIfNull(runnable);
        lock (_gate)
        {
            var entry = new RunnableEntry(runnable);
            _runnables.Add(entry);
            if (_started && (!runnable.NeedLeaderElection || _leading))
            {
                StartLocked(entry);
            }
        }
    }

    /// <summary>Stops a runnable and forgets it (for controllers of kinds that went away).</summary>
    public async Task RemoveAsync(IRunnable runnable, CancellationToken ct)
    {
        RunnableEntry? entry;
        lock (_gate)
        {
            entry = _runnables.Find(e => ReferenceEquals(e.Runnable, runnable));
            if (entry is not null)
            {
                _runnables.Remove(entry);
            }
        }

        if (entry is not null)
        {
            await entry.StopAsync().WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Unregisters a controller while the manager runs: stops it (draining in-flight reconciles) and stops the
    /// informers no other registered controller still watches.
    /// </summary>
    public async Task RemoveControllerAsync(Controllers.Controller controller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(controller);
        await RemoveAsync(controller, ct).ConfigureAwait(false);
        HashSet<IInformer> stillUsed;
        lock (_gate)
        {
            stillUsed = [.. _runnables.Select(e => e.Runnable).OfType<Controllers.Controller>().SelectMany(c => c.Sources)];
        }

        foreach (var informer in controller.Sources.Where(s => !stillUsed.Contains(s)))
        {
            await Cache.RemoveInformerAsync(informer).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var setup in _setups)
        {
            setup.Setup(this);
        }

        // client-go's leader_election_master_status: 0 while campaigning or standing by, 1 while leading.
        using var leaderGauge = _election is null ? null : Metrics.RestClient.TrackLeaderElection(Options.LeaderElectionId, () => Volatile.Read(ref _leading));
        Cache.Start(stoppingToken);
        try
        {
            await WaitForCachesAsync(stoppingToken).ConfigureAwait(false);
            lock (_gate)
            {
                _runToken = stoppingToken;
                _started = true;
                _leading = _election is null;
                foreach (var entry in _runnables.Where(e => !e.Runnable.NeedLeaderElection || _leading))
                {
                    StartLocked(entry);
                }
            }

            _isRunning = true;
            _running.TrySetResult();
            LogStarted(_logger, _runnables.Count, _election is not null);
            var work = _election is null
                ? Task.Delay(Timeout.InfiniteTimeSpan, Time, stoppingToken)
                : _election.RunAsync(new LeaderCallbacks(OnStartedLeading, OnStoppedLeading, OnNewLeader), stoppingToken);
            var first = await Task.WhenAny(work, _fatal.Task, Cache.Stopped).ConfigureAwait(false);
            if (first == _fatal.Task)
            {
                throw await _fatal.Task.ConfigureAwait(false);
            }

            if (first == Cache.Stopped)
            {
                throw await Cache.Stopped.ConfigureAwait(false);
            }

            await work.ConfigureAwait(false);
            if (!stoppingToken.IsCancellationRequested)
            {
                // The election returns only when the lease is lost: a new process campaigns again.
                throw new LeadershipLostException($"{_election!.Identity} lost the lease {Options.LeaderElectionNamespace}/{Options.LeaderElectionId}");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        catch (Exception ex)
        {
            _failure = ex;
            LogFailed(_logger, ex.Message, ex);
            throw;
        }
        finally
        {
            _isRunning = false;
            if (_failure is { } failure)
            {
                _running.TrySetException(failure);
            }
            else
            {
                _running.TrySetCanceled(CancellationToken.None);
            }

            await StopAllAsync().ConfigureAwait(false);
            await Cache.DisposeAsync().ConfigureAwait(false);
            LogStopped(_logger);
        }
    }

    // controller-runtime starts its caches and waits for them before any other runnable and before campaigning.
    private async Task WaitForCachesAsync(CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(Options.CacheSyncTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var synced = Cache.WaitForCacheSyncAsync(linked.Token);
        var first = await Task.WhenAny(synced, Cache.Stopped).ConfigureAwait(false);
        if (first == Cache.Stopped)
        {
            throw await Cache.Stopped.ConfigureAwait(false);
        }

        try
        {
            await synced.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException($"the caches did not sync within {Options.CacheSyncTimeout.TotalSeconds}s: {string.Join("; ", Cache.NotReady)}");
        }
    }

    private void OnRunnableFailed(IRunnable runnable, Exception exception) =>
        _fatal.TrySetResult(new InvalidOperationException($"runnable {Describe(runnable)} failed: {exception.Message}", exception));

    private static string Describe(IRunnable runnable) =>
        runnable is Controllers.Controller controller ? $"controller {controller.Name}" : runnable.GetType().Name;

    private void OnStartedLeading()
    {
        lock (_gate)
        {
            _leaderStateKnown = true;
            if (_leading || _runToken.IsCancellationRequested)
            {
                return;
            }

            _leading = true;
            foreach (var entry in _runnables.Where(e => e.Runnable.NeedLeaderElection))
            {
                StartLocked(entry);
            }
        }

        LogStartedLeading(_logger, _election!.Identity);
    }

    private void OnStoppedLeading()
    {
        lock (_gate)
        {
            if (!_leading)
            {
                return;
            }

            _leading = false;
            foreach (var entry in _runnables.Where(e => e.Runnable.NeedLeaderElection))
            {
                _stopping.Add(entry.StopAsync());
            }
        }

        LogLeadershipLost(_logger, _election!.Identity);
    }

    private void OnNewLeader(string identity)
    {
        CurrentLeader = identity;
        _leaderStateKnown = true;
        LogNewLeader(_logger, identity);
    }

    private void StartLocked(RunnableEntry entry) => entry.Start(_runToken, _logger, OnRunnableFailed);

    private async Task StopAllAsync()
    {
        Task[] tasks;
        lock (_gate)
        {
            _leading = false;
            tasks = [.. _runnables.Select(e => e.StopAsync()), .. _stopping];
        }

        try
        {
            await Task.WhenAll(tasks).WaitAsync(Options.GracefulShutdownTimeout + TimeSpan.FromSeconds(5), Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogShutdownTimeout(_logger, Options.GracefulShutdownTimeout.TotalSeconds);
        }
    }
}
