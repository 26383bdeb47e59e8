using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Kube;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

/// <summary>
/// OTLP export set by the standard OTEL_* variables, seen by a tiny OTLP/HTTP receiver: a DbSystem reconciled in the
/// Sandbox produces reconcile and OCI-call spans, exported with <c>service.name</c> <c>oci-operator</c> (or the
/// user's <c>OTEL_SERVICE_NAME</c>) and the resource attributes of <c>OTEL_RESOURCE_ATTRIBUTES</c>.
/// </summary>
[NonParallelizable]
public sealed class TelemetryTests
{
    private string _workDir = "";

    [SetUp]
    public void SetUp()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "oci-operator-otel-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_workDir, recursive: true);

    private static IEnumerable<TestCaseData> ServiceNames()
    {
        yield return new TestCaseData(new Dictionary<string, string>(), "oci-operator").SetName("Sandbox_OtlpEndpointSet_ExportsSpansAsOciOperator");
        yield return new TestCaseData(new Dictionary<string, string> { ["OTEL_SERVICE_NAME"] = "dbs-operator-east" }, "dbs-operator-east")
            .SetName("Sandbox_OtelServiceNameSet_ExportsSpansUnderThatName");
    }

    [TestCaseSource(nameof(ServiceNames))]
    public async Task Sandbox_OtlpHttpProtobuf_ExportsReconcileAndOciSpans(Dictionary<string, string> extra, string serviceName)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var environment = new Dictionary<string, string>(extra)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Address.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=otel-test",
        };
        await using var sandbox = OperatorProcess.Start(
            ["sandbox", "--api-port", "0", "--metrics-bind-address", "0", "--health-probe-bind-address", "0", "--dbsystem-poll-interval", "1s"], _workDir, environment);
        await sandbox.WaitForLineAsync(l => l.Contains("Operator running", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var kubeconfig = Path.Combine(_workDir, "sandbox.kubeconfig");
        var secret = Path.Combine(_workDir, "admin-secret.yaml");
        await File.WriteAllTextAsync(secret, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: admin-secret\nstringData:\n  username: admin\n  password: Sandbox-Passw0rd!\n");
        var apply = await ProcessRunner.RunAsync(
            "kubectl",
            ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(_workDir, "kube-cache"), "apply", "-f", secret, "-f", Path.Combine(RepositoryPaths.Shared, "fixtures", "seed", "dbsystem_sample.yaml")],
            TimeSpan.FromSeconds(60));
        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.StandardError);

        await Eventually.WaitAsync(
            () => receiver.Contains("/v1/traces", "OCI CreateDbSystem") && receiver.Contains("/v1/traces", "reconcile "),
            "reconcile and OCI-call spans reach the receiver",
            TimeSpan.FromSeconds(60));
        await Eventually.WaitAsync(() => receiver.Contains("/v1/metrics", "controller_runtime_reconcile_total"), "metrics reach the receiver", TimeSpan.FromSeconds(30));
        Assert.That(await sandbox.SignalAndWaitAsync(2, TimeSpan.FromSeconds(30)), Is.EqualTo(0), sandbox.Output);

        Assert.That(receiver.Contains("/v1/traces", serviceName), Is.True, "service.name on the exported resource");
        Assert.That(receiver.Contains("/v1/traces", "service.version"), Is.True);
        Assert.That(receiver.Contains("/v1/traces", "deployment.environment") && receiver.Contains("/v1/traces", "otel-test"), Is.True, "OTEL_RESOURCE_ATTRIBUTES");
        Assert.That(receiver.Contains("/v1/traces", "unknown_service"), Is.False);
        Assert.That(receiver.ContentTypes, Is.All.EqualTo("application/x-protobuf"));
    }

    [TestCase("OTEL_TRACES_EXPORTER", "jaeger", "'jaeger'")]
    [TestCase("OTEL_METRICS_EXPORTER", "otlp,statsd", "'statsd'")]
    [TestCase("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "http/json")]
    public async Task Run_UnsupportedOtelSetting_ExitsOneNamingIt(string variable, string value, string named)
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        var kubeconfig = Path.Combine(_workDir, "kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig);
        await using var run = OperatorProcess.Start(
            ["run", "--kubeconfig", kubeconfig, "--controllers", ",", "--metrics-bind-address", "0", "--health-probe-bind-address", "0"],
            _workDir,
            new Dictionary<string, string> { [variable] = value });

        var exitCode = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain("error: " + variable).And.Contain(named));
    }

    /// <summary>An OTLP/HTTP endpoint that keeps every POST's path, content type and body.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> _posts = new();

        private OtlpReceiver(WebApplication app) => _app = app;

        public Uri Address { get; private set; } = null!;

        public IEnumerable<string?> ContentTypes => _posts.Select(p => p.ContentType);

        public static async Task<OtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var receiver = new OtlpReceiver(builder.Build());
            receiver._app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                receiver._posts.Enqueue((context.Request.Path.Value!, context.Request.ContentType, body.ToArray()));
                context.Response.ContentType = "application/x-protobuf";
                return Results.Bytes([], "application/x-protobuf");
            });
            await receiver._app.StartAsync();
            var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver.Address = new Uri(address);
            return receiver;
        }

        /// <summary>Whether a POST to <paramref name="path"/> carried <paramref name="text"/> (protobuf keeps strings as UTF-8 bytes).</summary>
        public bool Contains(string path, string text)
        {
            var needle = Encoding.UTF8.GetBytes(text);
            return _posts.Any(p => p.Path == path && p.Body.AsSpan().IndexOf(needle) >= 0);
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
