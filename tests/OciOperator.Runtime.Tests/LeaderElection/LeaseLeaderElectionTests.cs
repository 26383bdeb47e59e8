using System.Net;
using System.Net.Sockets;
using k8s;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.LeaderElection;
using OciOperator.Runtime.Tests.Support;
using OciOperator.Sandbox.Kube;

namespace OciOperator.Runtime.Tests.LeaderElection;

/// <summary>Campaign errors are retried as client-go's elector does, never fatal.</summary>
[NonParallelizable]
public sealed class LeaseLeaderElectionTests
{
    private const int CampaignFailedLogId = 1600;

    [Test]
    public async Task Run_ApiServerUnreachableAtFirst_RetriesAndLeadsOnceItIsUp()
    {
        var port = FreePort();
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" });
        var options = new ControllerRuntimeOptions
        {
            LeaderElection = true,
            LeaderElectionIdentity = "candidate",
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
        using var logs = new RecordingLoggerFactory();
        var election = new LeaseLeaderElection(client, options, TimeProvider.System, logs.CreateLogger<LeaseLeaderElection>());
        var leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cts = new CancellationTokenSource();

        var run = election.RunAsync(new LeaderCallbacks(() => leading.TrySetResult(), () => { }, _ => { }), cts.Token);
        await Eventually.WaitAsync(() => logs.Count(CampaignFailedLogId) >= 2, "two failed campaign attempts");
        var endedWhileUnreachable = run.IsCompleted;
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Port = port });
        await leading.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(endedWhileUnreachable, Is.False, "an unreachable API server is not fatal to the campaign");
        Assert.That(logs.Entries.Where(e => e.Id.Id == CampaignFailedLogId).Select(e => e.Level), Is.All.EqualTo(LogLevel.Warning));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
