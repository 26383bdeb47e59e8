using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Telemetry;
using OciOperator.Oci.Tests.Support;

namespace OciOperator.Oci.Tests;

public sealed class DependencyInjectionTests
{
    [Test]
    public void AddOciClient_BindsOptionsFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Oci:Auth:Mode"] = "user_principal",
            ["Oci:Auth:Region"] = "phx",
            ["Oci:MysqlEndpoint"] = "http://127.0.0.1:9999/20190415",
            ["Oci:Resilience:MaxAttempts"] = "3",
            ["Oci:Resilience:AttemptTimeout"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddOciClient(configuration.GetSection(OciClientOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<OciClientOptions>>().Value;

        Assert.That(options.Auth.Mode, Is.EqualTo("user_principal"));
        Assert.That(options.Auth.Region, Is.EqualTo("phx"));
        Assert.That(options.MysqlEndpoint, Is.EqualTo(new Uri("http://127.0.0.1:9999/20190415")));
        Assert.That(options.Resilience.MaxAttempts, Is.EqualTo(3));
        Assert.That(options.Resilience.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void AddOciClient_InvalidResilience_FailsValidationListingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Resilience:MaxAttempts"] = "0" }).Build();
        using var provider = new ServiceCollection().AddLogging().AddOciClient(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<OciClientOptions>>().Value);

        Assert.That(ex!.Message, Does.Contain("MaxAttempts"));
    }

    [Test]
    public async Task AddOciClient_ReplacedAuthProvider_ClientCallsEndpointAndEmitsSpanAndMetrics()
    {
        await using var loopback = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.Response.Headers["opc-request-id"] = "di-req";
            await ctx.Response.WriteAsync("[]");
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MysqlEndpoint"] = new Uri(loopback.BaseAddress, "/20190415").AbsoluteUri,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IAuthenticationProvider>(PipelineFactory.StaticUser());
        services.AddOciClient(configuration);
        using var provider = services.BuildServiceProvider();
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OciTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new List<(string Instrument, long Value, string? Status)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OciTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, tags.ToArray().FirstOrDefault(t => t.Key == "status").Value?.ToString())));
        meterListener.Start();

        var page = await provider.GetRequiredService<IMysqlDbSystemClient>().ListDbSystemsAsync(new ListDbSystemsRequest("c"), CancellationToken.None);

        Assert.That(page.OpcRequestId, Is.EqualTo("di-req"));
        var span = activities.Single(a => a.OperationName == "OCI ListDbSystems");
        Assert.That(span.GetTagItem("oci.opc_request_id"), Is.EqualTo("di-req"));
        Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo((int)HttpStatusCode.OK));
        Assert.That(measurements, Does.Contain(("oci.client.calls", 1L, "200")));
    }
}
