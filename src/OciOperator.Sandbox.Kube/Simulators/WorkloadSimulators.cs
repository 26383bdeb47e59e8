using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Kube.Simulators.Client;
using OciOperator.Sandbox.Kube.Simulators.Workloads;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>
/// What kubelet, kube-controller-manager and a cloud controller would do to workloads, as HTTP clients of a
/// Kubernetes API server (only its base URL is needed): Jobs complete; Deployments get ReplicaSets and those get
/// Pods, which start and become ready, as the Deployment and ReplicaSet controllers and the kubelet make them;
/// LoadBalancer Services get an address. Each simulator is switchable and its delay configurable in <see cref="SimulatorOptions"/>.
/// </summary>
public sealed partial class WorkloadSimulators : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<SimulatorController> _controllers = [];
    private readonly List<WorkloadController> _workloadControllers = [];
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

        if (pool is not null)
        {
            var planner = new LoadBalancerPlanner(pool, options.LoadBalancerDelay);
            simulators._controllers.Add(new SimulatorController(SimulatedResource.Services, planner.Plan, client, options.TimeProvider, logger));
        }

        foreach (var controller in simulators._controllers)
        {
            simulators._running.Add(simulators.RunGuardedAsync(controller.Name, controller.RunAsync, simulators._stop.Token));
        }

        if (options.Deployments)
        {
            simulators.StartWorkloadControllers(client, options, logger);
        }

        if (options.Jobs)
        {
            simulators.StartCronJobController(client, options, logger);
        }

        var names = simulators._controllers.Select(c => c.Name).Concat(simulators._workloadControllers.Select(c => c.Name));
        Log.Started(simulators._logger, apiServer, string.Join(",", names));
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

        foreach (var controller in _workloadControllers)
        {
            controller.Dispose();
        }

        await Task.WhenAll(_running).ConfigureAwait(false);
        _stop.Dispose();
        _http.Dispose();
    }

    /// <summary>
    /// The Deployment, ReplicaSet, StatefulSet, DaemonSet and HPA controllers and the kubelet (with its Node), over shared
    /// informers; a change of a Pod or ReplicaSet wakes its controlling owner, a change of a Node every DaemonSet.
    /// </summary>
    private void StartWorkloadControllers(KubeRestClient client, SimulatorOptions options, ILogger logger)
    {
        var informers = new InformerSet(client, options.TimeProvider, logger);
        var deployments = informers.For(WorkloadPaths.Collection(WorkloadPaths.Apps, "deployments"));
        var replicaSets = informers.For(WorkloadPaths.Collection(WorkloadPaths.Apps, "replicasets"));
        var pods = informers.For(WorkloadPaths.Collection(WorkloadPaths.Core, "pods"));
        var statefulSets = informers.For(WorkloadPaths.Collection(WorkloadPaths.Apps, "statefulsets"));
        var daemonSets = informers.For(WorkloadPaths.Collection(WorkloadPaths.Apps, "daemonsets"));
        var nodes = informers.For(WorkloadPaths.Collection(WorkloadPaths.Core, "nodes"));
        var autoscalers = informers.For("/apis/autoscaling/v2/horizontalpodautoscalers");
        var time = options.TimeProvider;
        var deploymentController = new WorkloadController(
            new DeploymentReconciler(client, deployments, replicaSets, time), [deployments, replicaSets], time, logger);
        var replicaSetController = new WorkloadController(
            new ReplicaSetReconciler(client, replicaSets, pods, time), [replicaSets, pods], time, logger);
        var kubelet = new WorkloadController(
            new KubeletReconciler(client, pods, options.DeploymentRolloutDelay, time), [pods], time, logger);
        var statefulSetController = new WorkloadController(
            new StatefulSetReconciler(client, statefulSets, pods), [statefulSets, pods], time, logger);
        var daemonSetController = new WorkloadController(
            new DaemonSetReconciler(client, daemonSets, pods, nodes), [daemonSets, pods, nodes], time, logger);
        var hpa = new HorizontalPodAutoscalerReconciler(client, autoscalers, time);
        var hpaController = new WorkloadController(hpa, [autoscalers], time, logger);
        autoscalers.Subscribe((key, _) => hpaController.Enqueue(key));
        void WakeAutoscalers(string kind, string key)
        {
            foreach (var h in hpa.Targeting(kind, key))
            {
                hpaController.Enqueue(h);
            }
        }

        deployments.Subscribe((key, _) =>
        {
            deploymentController.Enqueue(key);
            WakeAutoscalers("Deployment", key);
        });
        statefulSets.Subscribe((key, _) =>
        {
            statefulSetController.Enqueue(key);
            WakeAutoscalers("StatefulSet", key);
        });
        daemonSets.Subscribe((key, _) => daemonSetController.Enqueue(key));
        nodes.Subscribe((_, _) =>
        {
            foreach (var ds in daemonSets.Items)
            {
                if (ObjectKeys.KeyOf(ds) is { } key)
                {
                    daemonSetController.Enqueue(key);
                }
            }
        });
        replicaSets.Subscribe((key, rs) =>
        {
            replicaSetController.Enqueue(key);
            WakeAutoscalers("ReplicaSet", key);
            if (ControllerRefs.OwnerKey(rs, "Deployment") is { } owner)
            {
                deploymentController.Enqueue(owner);
            }
        });
        pods.Subscribe((key, pod) =>
        {
            kubelet.Enqueue(key);
            switch (ControllerRefs.ControllerOf(pod)?.Kind)
            {
                case "ReplicaSet":
                    replicaSetController.Enqueue(ControllerRefs.OwnerKey(pod, "ReplicaSet")!);
                    break;
                case "StatefulSet":
                    statefulSetController.Enqueue(ControllerRefs.OwnerKey(pod, "StatefulSet")!);
                    break;
                case "DaemonSet":
                    daemonSetController.Enqueue(ControllerRefs.OwnerKey(pod, "DaemonSet")!);
                    break;
            }
        });
        _workloadControllers.AddRange([deploymentController, replicaSetController, statefulSetController, daemonSetController, hpaController, kubelet]);
        _running.Add(RunGuardedAsync("nodes", ct => SandboxNode.EnsureAsync(client, nodes, time, ct), _stop.Token));
        foreach (var informer in informers.All)
        {
            _running.Add(RunGuardedAsync(informer.ListPath, informer.RunAsync, _stop.Token));
        }

        foreach (var controller in _workloadControllers)
        {
            _running.Add(RunGuardedAsync(controller.Name, controller.RunAsync, _stop.Token));
        }
    }

    /// <summary>The CronJob controller, over informers of CronJobs and Jobs; a change of a Job wakes its CronJob.</summary>
    private void StartCronJobController(KubeRestClient client, SimulatorOptions options, ILogger logger)
    {
        var informers = new InformerSet(client, options.TimeProvider, logger);
        var cronJobs = informers.For("/apis/batch/v1/cronjobs");
        var jobs = informers.For("/apis/batch/v1/jobs");
        var controller = new WorkloadController(new CronJobReconciler(client, cronJobs, jobs, options.TimeProvider), [cronJobs, jobs], options.TimeProvider, logger);
        cronJobs.Subscribe((key, _) => controller.Enqueue(key));
        jobs.Subscribe((_, job) =>
        {
            if (ControllerRefs.OwnerKey(job, "CronJob") is { } owner)
            {
                controller.Enqueue(owner);
            }
        });
        _workloadControllers.Add(controller);
        foreach (var informer in informers.All)
        {
            _running.Add(RunGuardedAsync(informer.ListPath, informer.RunAsync, _stop.Token));
        }

        _running.Add(RunGuardedAsync(controller.Name, controller.RunAsync, _stop.Token));
    }

    private async Task RunGuardedAsync(string name, Func<CancellationToken, Task> run, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await run(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The owner of a background loop must log its failure instead of losing it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.Crashed(_logger, name, ex);
        }
    }
}
