using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Regions;
using OciOperator.Oci.Tests.Support;

namespace OciOperator.Oci.Tests.Auth;

public sealed class InstancePrincipalRegionTests
{
    private static InstancePrincipalAuthenticationProvider Provider(ScriptedHandler handler, TimeProvider time) => new(
        new HttpClient(handler),
        new InstancePrincipalOptions { MetadataBaseUrl = new Uri("http://imds.test/opc/v2/") },
        OciRegions.BuiltIn,
        time,
        NullLogger<InstancePrincipalAuthenticationProvider>.Instance);

    [Test]
    public async Task GetRegion_MetadataFailsTwiceThenAnswers_RetriesWithBackoffAndBearer()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var handler = new ScriptedHandler((i, _) => i switch
        {
            0 => throw new HttpRequestException("connection refused"),
            1 => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(" PHX\n") },
        }, time);
        using var provider = Provider(handler, time);

        var region = await AsyncWait.DriveAsync(provider.GetRegionAsync(CancellationToken.None).AsTask(), time, TimeSpan.FromSeconds(1));

        Assert.That(region.Id, Is.EqualTo("us-phoenix-1"));
        Assert.That(handler.Requests, Has.Count.EqualTo(3));
        Assert.That(handler.Requests.Select(r => r.Header("authorization")), Is.All.EqualTo("Bearer Oracle"));
        Assert.That(handler.Requests[2].At - handler.Requests[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task GetRegion_Metadata404_FailsWithoutRetry()
    {
        var handler = new ScriptedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NotFound));
        using var provider = Provider(handler, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<OciAuthenticationException>(async () => await provider.GetRegionAsync(CancellationToken.None));

        Assert.That(ex!.StatusCode, Is.EqualTo(404));
        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }
}
