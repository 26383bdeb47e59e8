using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.LeaderElection;
using OciOperator.Runtime.Metrics;

namespace OciOperator.Runtime.Manager;

/// <summary>
/// The host of caches and controllers (controller-runtime's manager): starts the informer cache, runs runnables
/// that need no leadership at once and leader-only runnables only while leading. When the lease is lost the
/// leader-only runnables are stopped and the manager ends (as controller-runtime exits), so a fresh start campaigns
/// again. Runnables may be added and removed while it runs (dynamic kinds).
/// </summary>
public sealed partial class ControllerManager : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly List<RunnableEntry> _runnables = [];
    private readonly List<Task> _stopping = [];
    private readonly ILeaderElection? _election;
    private readonly IEnumerable<IControllerSetup> _setups;
    private readonly ILogger _logger;
    private CancellationToken _runToken;
    private bool _started;
    private bool _leading;
    private volatile bool _leaderStateKnown;
    private volatile bool _leadershipLost;

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

    /// <summary>Ready: started, every informer synced and, when electing, the lease state known.</summary>
    public bool IsReady => _started && Cache.HasSynced && (_election is null || _leaderStateKnown) && !_leadershipLost;

    /// <summary>Healthy unless leadership was lost (the process should restart, as controller-runtime's does).</summary>
    public bool IsHealthy => !_leadershipLost;

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
        HashSet<Caching.IInformer> stillUsed;
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

        Cache.Start(stoppingToken);
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

        LogStarted(_logger, _runnables.Count, _election is not null);
        try
        {
            if (_election is null)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, Time, stoppingToken).ConfigureAwait(false);
            }
            else
            {
                await _election.RunAsync(new LeaderCallbacks(OnStartedLeading, OnStoppedLeading, OnNewLeader), stoppingToken).ConfigureAwait(false);
                if (!stoppingToken.IsCancellationRequested)
                {
                    _leadershipLost = true;
                    LogLeadershipLost(_logger, _election.Identity);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            await StopAllAsync().ConfigureAwait(false);
            await Cache.DisposeAsync().ConfigureAwait(false);
            LogStopped(_logger);
        }
    }

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
            _leading = false;
            foreach (var entry in _runnables.Where(e => e.Runnable.NeedLeaderElection))
            {
                _stopping.Add(entry.StopAsync());
            }
        }
    }

    private void OnNewLeader(string identity)
    {
        CurrentLeader = identity;
        _leaderStateKnown = true;
        LogNewLeader(_logger, identity);
    }

    private void StartLocked(RunnableEntry entry) => entry.Start(_runToken, _logger);

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
            await Task.WhenAll(tasks).WaitAsync(Options.GracefulShutdownTimeout, Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogShutdownTimeout(_logger, Options.GracefulShutdownTimeout.TotalSeconds);
        }
    }
}
