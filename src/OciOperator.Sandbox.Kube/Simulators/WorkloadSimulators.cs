using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>
/// What kubelet, kube-controller-manager and a cloud controller would do to workloads, as HTTP clients of a
/// Kubernetes API server (only its base URL is needed): Jobs complete, Deployments become ready, LoadBalancer
/// Services get an address. Each simulator is switchable and its delay configurable in <see cref="SimulatorOptions"/>.
/// </summary>
public sealed partial class WorkloadSimulators : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<SimulatorController> _controllers = [];
    private readonly List<Task> _running = [];
    private readonly ILogger _logger;
    private int _disposed;

    private WorkloadSimulators(HttpClient http, ILogger logger)
    {
        _http = http;
        _logger = logger;
    }

    /// <summary>Starts the enabled simulators against <paramref name="apiServer"/>; they run until disposed.</summary>
    public static WorkloadSimulators Start(Uri apiServer, SimulatorOptions options, string? bearerToken = null)
    {
        ArgumentNullException.ThrowIfNull(apiServer);
        ArgumentNullException.ThrowIfNull(options);
        var pool = options.LoadBalancers ? new LoadBalancerAddressPool(options.LoadBalancerAddressPool) : null;
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = apiServer,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        KubeRestClient.Authorize(http, bearerToken);
        var simulators = new WorkloadSimulators(http, loggerFactory.CreateLogger<WorkloadSimulators>());
        var client = new KubeRestClient(http);
        var logger = loggerFactory.CreateLogger("OciOperator.Sandbox.Kube.Simulators");
        if (options.Jobs)
        {
            var planner = new JobStatusPlanner(options.JobDuration);
            simulators._controllers.Add(new SimulatorController(SimulatedResource.Jobs, planner.Plan, client, options.TimeProvider, logger));
        }

        if (options.Deployments)
        {
            var planner = new DeploymentStatusPlanner(options.DeploymentRolloutDelay);
            simulators._controllers.Add(new SimulatorController(SimulatedResource.Deployments, planner.Plan, client, options.TimeProvider, logger));
        }

        if (pool is not null)
        {
            var planner = new LoadBalancerPlanner(pool, options.LoadBalancerDelay);
            simulators._controllers.Add(new SimulatorController(SimulatedResource.Services, planner.Plan, client, options.TimeProvider, logger));
        }

        foreach (var controller in simulators._controllers)
        {
            simulators._running.Add(simulators.RunGuardedAsync(controller, simulators._stop.Token));
        }

        Log.Started(simulators._logger, apiServer, string.Join(",", simulators._controllers.Select(c => c.Name)));
        return simulators;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var controller in _controllers)
        {
            controller.Dispose();
        }

        await Task.WhenAll(_running).ConfigureAwait(false);
        _stop.Dispose();
        _http.Dispose();
    }

    private async Task RunGuardedAsync(SimulatorController controller, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await controller.RunAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The owner of a background loop must log its failure instead of losing it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.Crashed(_logger, controller.Name, ex);
        }
    }
}
