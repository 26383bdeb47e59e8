using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// An OTLP/HTTP endpoint on loopback that keeps every exported batch (traces and metrics, protobuf), so the suite can
/// search what the operator's telemetry carried; protobuf keeps strings as UTF-8 bytes, so a text search works.
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _batches = new();

    private OtlpSink(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>The OTEL_* variables that point an operator process at this sink, flushing often.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Address.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };

    public int Batches => _batches.Count;

    public long Bytes => _batches.Sum(b => (long)b.Body.Length);

    public static async Task<OtlpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var sink = new OtlpSink(builder.Build());
        sink._app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            sink._batches.Enqueue((signal, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await sink._app.StartAsync();
        sink.Address = new Uri(sink._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return sink;
    }

    /// <summary>Whether any batch of <paramref name="signal"/> (<c>traces</c>, <c>metrics</c>) carries <paramref name="text"/>.</summary>
    public bool Contains(string signal, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return _batches.Any(b => b.Signal == signal && b.Body.AsSpan().IndexOf(needle) >= 0);
    }

    /// <summary>Every batch of <paramref name="signal"/> as text (UTF-8 strings readable, the rest noise), for a search.</summary>
    public string Text(string signal) =>
        string.Join('\n', _batches.Where(b => b.Signal == signal).Select(b => Encoding.UTF8.GetString(b.Body)));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
