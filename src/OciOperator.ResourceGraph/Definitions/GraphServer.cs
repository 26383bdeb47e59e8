using Microsoft.Extensions.Logging;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Instances;
using OciOperator.Runtime;

namespace OciOperator.ResourceGraph.Definitions;

/// <summary>
/// Serves the kinds of Active RGDs: one <see cref="InstanceController"/> per RGD, replaced (old one stopped, new one
/// started) when the RGD's graph changes, stopped when the RGD goes or its CRD is deleted. A graph that fails to build
/// never reaches here, so the last good graph keeps serving. When a controller's informers have synced,
/// <c>onSynced</c> is told the RGD's name (the RGD controller then reports <c>ControllerReady</c>).
/// Runs as a manager runnable so every controller stops with the process (or when leadership is lost).
/// </summary>
public sealed partial class GraphServer(
    Func<CompiledGraph, Func<Schemas.GroupVersionKind, bool, Runtime.Reconciliation.ResourceType>, InstanceController> create,
    Action<string> onSynced,
    TimeProvider time,
    ILogger<GraphServer> logger) : IRunnable, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ServedGraph> _served = new(StringComparer.Ordinal);

    public bool NeedLeaderElection => true;

    /// <summary>The RGDs served now.</summary>
    public IReadOnlyCollection<string> Served
    {
        get
        {
            lock (_served)
            {
                return [.. _served.Keys];
            }
        }
    }

    /// <summary>The fingerprint of the graph served for <paramref name="rgd"/>, or null.</summary>
    public string? FingerprintOf(string rgd)
    {
        lock (_served)
        {
            return _served.TryGetValue(rgd, out var served) ? served.Fingerprint : null;
        }
    }

    public ServeState StateOf(string rgd)
    {
        lock (_served)
        {
            return !_served.TryGetValue(rgd, out var served) ? ServeState.Stopped
                : served.Synced.IsCompletedSuccessfully ? ServeState.Serving : ServeState.Syncing;
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: every served kind stops with us.
        }
        finally
        {
            await StopAllAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Serves <paramref name="graph"/> for <paramref name="rgd"/>: nothing to do when the same fingerprint already
    /// runs; otherwise the running controller (if any) is stopped and a new one started.
    /// </summary>
    public async Task<ServeState> EnsureAsync(string rgd, string fingerprint, CompiledGraph graph, Func<Schemas.GroupVersionKind, bool, Runtime.Reconciliation.ResourceType> mapper, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(graph);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ServedGraph? old;
            lock (_served)
            {
                if (_served.TryGetValue(rgd, out old) && old.Fingerprint == fingerprint)
                {
                    return old.Synced.IsCompletedSuccessfully ? ServeState.Serving : ServeState.Syncing;
                }
            }

            if (old is not null)
            {
                await StopLockedAsync(rgd, old).ConfigureAwait(false);
                LogReplaced(logger, rgd, graph.Schema.Kind);
            }

            var controller = create(graph, mapper);
            var stop = new CancellationTokenSource();
            controller.Start();
            var synced = WatchSyncAsync(rgd, controller, stop.Token);
            lock (_served)
            {
                _served[rgd] = new ServedGraph(fingerprint, controller, synced, stop);
            }

            LogStarted(logger, rgd, graph.Schema.Kind, controller.InstanceType.ToString());
            return synced.IsCompletedSuccessfully ? ServeState.Serving : ServeState.Syncing;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops serving <paramref name="rgd"/> (no-op when it is not served).</summary>
    public async Task StopAsync(string rgd, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ServedGraph? served;
            lock (_served)
            {
                _served.TryGetValue(rgd, out served);
            }

            if (served is not null)
            {
                await StopLockedAsync(rgd, served).ConfigureAwait(false);
                LogStopped(logger, rgd);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task StopAllAsync()
    {
        List<KeyValuePair<string, ServedGraph>> all;
        lock (_served)
        {
            all = [.. _served];
        }

        foreach (var (rgd, served) in all)
        {
            await StopLockedAsync(rgd, served).ConfigureAwait(false);
        }
    }

    private async Task StopLockedAsync(string rgd, ServedGraph served)
    {
        lock (_served)
        {
            if (_served.TryGetValue(rgd, out var current) && ReferenceEquals(current, served))
            {
                _served.Remove(rgd);
            }
        }

        await served.Stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await served.Synced.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped before the informers synced.
        }

        await served.Controller.DisposeAsync().ConfigureAwait(false);
        served.Stop.Dispose();
    }

    private async Task WatchSyncAsync(string rgd, InstanceController controller, CancellationToken ct)
    {
        await controller.WaitForSyncAsync(ct).ConfigureAwait(false);
        LogSynced(logger, rgd, controller.InstanceType.ToString());
        onSynced(rgd);
    }

    private sealed record ServedGraph(string Fingerprint, InstanceController Controller, Task Synced, CancellationTokenSource Stop);
}
