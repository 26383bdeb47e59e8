using k8s;
using OciOperator.Hosting;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Simulators;
using OciOperator.Sandbox.Oci;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// The Sandbox the operator process runs against, hosted by the suite so it can inject faults and see every call:
/// the Kubernetes API server (recording each request's user agent, verb and resource), the workload simulators and
/// the OCI emulator, the CRDs installed and a kubeconfig on disk for the operator and kubectl.
/// </summary>
internal sealed class ReliabilityCluster : IAsyncDisposable
{
    /// <summary>The user agent of the suite's own client, so its calls are never taken for the operator's.</summary>
    public const string SuiteAgent = "oci-operator-reliability-suite/1";

    private ReliabilityCluster(KubeApiServer kube, OciEmulator oci, WorkloadSimulators simulators, ApiCallLog calls, string directory)
    {
        Kube = kube;
        Oci = oci;
        Simulators = simulators;
        Calls = calls;
        Directory = directory;
        KubeconfigPath = Path.Combine(directory, "kubeconfig");
        var config = new KubernetesClientConfiguration { Host = kube.BaseAddress.ToString() };
        Client = new Kubernetes(config, new UserAgentHandler("oci-operator-reliability-suite", "1"));
    }

    public KubeApiServer Kube { get; }

    public OciEmulator Oci { get; }

    public WorkloadSimulators Simulators { get; }

    public ApiCallLog Calls { get; }

    public string Directory { get; }

    public string KubeconfigPath { get; }

    /// <summary>The suite's own client (its calls are not the operator's).</summary>
    public Kubernetes Client { get; }

    public static async Task<ReliabilityCluster> StartAsync(int seed, CancellationToken ct)
    {
        var directory = Path.Combine(Path.GetTempPath(), "oci-operator-reliability-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var calls = new ApiCallLog();
        var kube = await KubeApiServer.StartAsync(new KubeApiServerOptions { Random = new Random(seed), RequestObserver = calls.Record }, ct);
        // OCI's lifecycle at a quarter of the emulator's default pace: the suite is about faults, not waiting.
        var oci = await OciEmulator.StartAsync(
            new OciEmulatorOptions { CreateDelay = TimeSpan.FromSeconds(0.5), UpdateDelay = TimeSpan.FromSeconds(0.25), DeleteDelay = TimeSpan.FromSeconds(0.25) },
            ct);
        var simulators = WorkloadSimulators.Start(kube.BaseAddress, new SimulatorOptions());
        var cluster = new ReliabilityCluster(kube, oci, simulators, calls, directory);
        await kube.WriteKubeconfigAsync(cluster.KubeconfigPath, ct);
        await CrdInstaller.InstallAsync(cluster.Client, ct);
        return cluster;
    }

    /// <summary>What a separate <c>oci-operator run</c> needs to use this Sandbox (as <c>sandbox --print-run-env</c> prints).</summary>
    public IReadOnlyDictionary<string, string> RunEnvironment => Support.RunEnvironment.For(KubeconfigPath, Oci);

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
