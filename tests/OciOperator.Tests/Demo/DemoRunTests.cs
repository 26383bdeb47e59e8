using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Demo;
using OciOperator.Hosting;
using OciOperator.Runtime.Client;

namespace OciOperator.Tests.Demo;

/// <summary>
/// The demo's failure paths against a Sandbox API server over HTTP (no controllers: the test plays the RGD
/// controller's part by writing the RGD's status): what it prints, and that it keeps serving until cancelled.
/// </summary>
public sealed class DemoRunTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    public async Task RunAsync_RgdKindNotServed_PrintsTheRefusalAndKeepsRunningUntilCancelled()
    {
        await using var server = await KubeTestServer.StartAsync();
        var output = new SyncWriter();
        using var stop = new CancellationTokenSource();

        var run = NewRun(server, output).RunAsync(stop.Token);

        await Eventually.WaitAsync(() => output.Text.Contains("was not accepted", StringComparison.Ordinal), "the refusal is printed", Wait);
        Assert.That(output.Text, Does.Contain("Namespace                demo                             created"));
        Assert.That(output.Text, Does.Contain("error: the ResourceGraphDefinition from config/samples/osok_kro_demo_rgd.yaml was not accepted"));
        Assert.That(run.IsCompleted, Is.False, "the demo keeps serving after a failure");

        await stop.CancelAsync();
        Assert.That(async () => await run.WaitAsync(Wait), Throws.Nothing);
    }

    [Test]
    public async Task RunAsync_RgdInactiveWithAGraphError_PrintsItsMessageAndWhatToDo()
    {
        await using var server = await KubeTestServer.StartAsync();
        await CrdInstaller.InstallAsync(server.Client, CancellationToken.None);
        var output = new SyncWriter();
        using var stop = new CancellationTokenSource();
        var run = NewRun(server, output).RunAsync(stop.Token);
        await Eventually.WaitAsync(() => output.Text.Contains("ResourceGraphDefinition  osok-kro-demo                    created", StringComparison.Ordinal), "the RGD is seen", Wait);

        var api = new KubeApiClient(server.Client);
        var status = new JsonObject
        {
            ["apiVersion"] = "kro.run/v1alpha1",
            ["kind"] = "ResourceGraphDefinition",
            ["metadata"] = new JsonObject { ["name"] = "osok-kro-demo" },
            ["status"] = new JsonObject
            {
                ["state"] = "Inactive",
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "GraphAccepted",
                    ["status"] = "False",
                    ["reason"] = "InvalidResourceGraph",
                    ["message"] = "resource mysqlDbSystem: schema not found",
                    ["lastTransitionTime"] = "2026-01-01T00:00:00Z",
                }),
            },
        };
        await api.ApplyAsync(DemoResources.Rgds, new UnstructuredObject(status), new ApplyOptions("test-rgd-controller", Status: true), CancellationToken.None);

        await Eventually.WaitAsync(() => output.Text.Contains("describe rgd osok-kro-demo", StringComparison.Ordinal), "the hint is printed", Wait);
        Assert.That(output.Text, Does.Contain("ResourceGraphDefinition  osok-kro-demo                    Inactive: resource mysqlDbSystem: schema not found"));
        Assert.That(output.Text, Does.Contain("The ResourceGraphDefinition osok-kro-demo is Inactive: resource mysqlDbSystem: schema not found"));
        Assert.That(run.IsCompleted, Is.False, "the demo keeps serving after a failure");

        await stop.CancelAsync();
        Assert.That(async () => await run.WaitAsync(Wait), Throws.Nothing);
    }

    private static DemoRun NewRun(KubeTestServer server, TextWriter output)
    {
        var walkthrough = DemoWalkthrough.Embedded();
        return new DemoRun(
            new KubeApiClient(server.Client),
            walkthrough,
            new PlainDemoView(output),
            new DemoGuide("/tmp/kc", walkthrough),
            TimeProvider.System,
            TimeProvider.System.GetTimestamp(),
            NullLoggerFactory.Instance);
    }

    /// <summary>A writer the demo's loop writes to while the test reads it.</summary>
    private sealed class SyncWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _gate = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                _text.Append(value);
            }
        }
    }
}
