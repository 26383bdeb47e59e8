using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>
/// One simulated controller: an informer feeds keys into a de-duplicating queue; a single worker asks the planner
/// what the object's status should be and writes it with a merge patch to <c>/status</c>. Level-based: every
/// decision is made from the cached object, never from the event type. Failed writes (409, 5xx, network) re-read
/// the object and retry with per-key backoff; 404 forgets it; planned rechecks use <see cref="TimeProvider"/> timers.
/// </summary>
internal sealed partial class SimulatorController : IDisposable
{
    private static readonly TimeSpan InitialRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);

    private readonly SimulatedResource _resource;
    private readonly Func<string, JsonObject?, DateTimeOffset, SimulatorPlan> _plan;
    private readonly KubeRestClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResourceInformer _informer;
    private readonly KeyQueue _queue;
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    public SimulatorController(
        SimulatedResource resource,
        Func<string, JsonObject?, DateTimeOffset, SimulatorPlan> plan,
        KubeRestClient client,
        TimeProvider time,
        ILogger logger)
    {
        _resource = resource;
        _plan = plan;
        _client = client;
        _time = time;
        _logger = logger;
        _queue = new KeyQueue(time);
        _informer = new ResourceInformer(client, resource.ListPath, Enqueue, time, logger);
    }

    public string Name => _resource.Plural;

    /// <summary>Runs the informer and the worker until cancelled; if either fails, the other is stopped too.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var informer = _informer.RunAsync(both.Token);
        var worker = WorkAsync(both.Token);
        await Task.WhenAny(informer, worker).ConfigureAwait(false);
        await both.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(informer, worker).ConfigureAwait(false);
    }

    public void Enqueue(string key) => _queue.Add(key);

    public void Dispose() => _queue.Dispose();

    private void EnqueueAfter(string key, TimeSpan delay) => _queue.AddAfter(key, delay);

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var key in _queue.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await ProcessAsync(key, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessAsync(string key, CancellationToken ct)
    {
        var current = _informer.Get(key);
        var plan = _plan(key, current, _time.GetUtcNow());
        if (plan.StatusPatch is not null && current is not null)
        {
            try
            {
                var updated = await _client.PatchStatusAsync(_resource.StatusPath(key), plan.StatusPatch, ct).ConfigureAwait(false);
                if (updated is null)
                {
                    Log.Gone(_logger, _resource.Plural, key);
                    _informer.Remove(key);
                    _plan(key, null, _time.GetUtcNow());
                    return;
                }

                _informer.Update(updated);
                Log.StatusWritten(_logger, _resource.Plural, key, plan.StatusPatch.ToJsonString());
                _failures.Remove(key);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or KubeRequestException
                                       || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                await RetryLaterAsync(key, ex, ct).ConfigureAwait(false);
                return;
            }

            // Re-plan at once from the written object: the next step may already be due.
            Enqueue(key);
            return;
        }

        if (plan.RecheckAfter is { } after)
        {
            EnqueueAfter(key, after);
        }
    }

    private async Task RetryLaterAsync(string key, Exception error, CancellationToken ct)
    {
        var attempt = _failures[key] = _failures.GetValueOrDefault(key) + 1;
        var delay = TimeSpan.FromTicks(Math.Min(InitialRetry.Ticks << Math.Min(attempt - 1, 10), MaxRetry.Ticks));
        var status = (error as KubeRequestException)?.StatusCode;
        Log.WriteFailed(_logger, _resource.Plural, key, (int?)status ?? 0, delay.TotalMilliseconds, error.Message);
        if (status == HttpStatusCode.Conflict)
        {
            await RefreshAsync(key, ct).ConfigureAwait(false);
        }

        EnqueueAfter(key, delay);
    }

    /// <summary>After a conflict, re-read the object so the next decision starts from the server's state.</summary>
    private async Task RefreshAsync(string key, CancellationToken ct)
    {
        try
        {
            var fresh = await _client.GetAsync(_resource.ObjectPath(key), ct).ConfigureAwait(false);
            if (fresh is not null)
            {
                _informer.Update(fresh);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or KubeRequestException)
        {
            Log.WriteFailed(_logger, _resource.Plural, key, 0, 0, ex.Message);
        }
    }
}
