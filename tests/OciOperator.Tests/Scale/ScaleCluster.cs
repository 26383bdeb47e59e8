using k8s;
using OciOperator.Hosting;
using OciOperator.Runtime.Client;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Simulators;
using OciOperator.Sandbox.Oci;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Scale;

/// <summary>
/// The Sandbox of a scale run, hosted by the harness: the Kubernetes API server (counting the operator's requests),
/// the workload simulators and the OCI emulator with small delays, the CRDs installed and a kubeconfig on disk for
/// the operator process. The harness's own client sends its own user agent, so its calls are never the operator's.
/// </summary>
internal sealed class ScaleCluster : IAsyncDisposable
{
    private ScaleCluster(KubeApiServer kube, OciEmulator oci, WorkloadSimulators simulators, ScaleCalls calls, string directory)
    {
        Kube = kube;
        Oci = oci;
        Simulators = simulators;
        Calls = calls;
        Directory = directory;
        KubeconfigPath = Path.Combine(directory, "kubeconfig");
        Client = new Kubernetes(new KubernetesClientConfiguration { Host = kube.BaseAddress.ToString() }, new UserAgentHandler("oci-operator-scale-harness", "1"));
        Api = new KubeApiClient(Client);
    }

    public KubeApiServer Kube { get; }

    public OciEmulator Oci { get; }

    public WorkloadSimulators Simulators { get; }

    public ScaleCalls Calls { get; }

    public string Directory { get; }

    public string KubeconfigPath { get; }

    public Kubernetes Client { get; }

    public IKubeApi Api { get; }

    /// <summary>What a separate <c>oci-operator run</c> needs to use this Sandbox (as <c>sandbox --print-run-env</c> prints).</summary>
    public IReadOnlyDictionary<string, string> RunEnvironment => Support.RunEnvironment.For(KubeconfigPath, Oci);

    public static async Task<ScaleCluster> StartAsync(TimeSpan delay, CancellationToken ct)
    {
        var directory = Path.Combine(Path.GetTempPath(), "oci-operator-scale-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var calls = new ScaleCalls();
        var kube = await KubeApiServer.StartAsync(new KubeApiServerOptions { RequestObserver = calls.Record }, ct);
        var oci = await OciEmulator.StartAsync(new OciEmulatorOptions { CreateDelay = delay, UpdateDelay = delay, DeleteDelay = delay, PrepareIdentity = true }, ct);
        // A /16 of load-balancer addresses: the default /24 has 254, fewer than the instances of a large run.
        var simulators = WorkloadSimulators.Start(kube.BaseAddress, new SimulatorOptions
        {
            JobDuration = delay,
            DeploymentRolloutDelay = delay,
            LoadBalancerDelay = delay,
            LoadBalancerAddressPool = "198.18.0.0/16",
        });
        var cluster = new ScaleCluster(kube, oci, simulators, calls, directory);
        await kube.WriteKubeconfigAsync(cluster.KubeconfigPath, ct);
        await CrdInstaller.InstallAsync(cluster.Client, ct);
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulators.DisposeAsync();
        await Oci.DisposeAsync();
        await Kube.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}
