using OciOperator.Oci.Telemetry;

namespace OciOperator.Oci.Tests.Telemetry;

public sealed class OciTelemetryTests
{
    [Test]
    public void Duration_SecondsHistogram_BucketsResolveSubSecondCalls()
    {
        using var telemetry = new OciTelemetry();

        var bounds = telemetry.Duration.Advice?.HistogramBucketBoundaries;

        Assert.That(telemetry.Duration.Unit, Is.EqualTo("s"));
        Assert.That(bounds, Is.Not.Null.And.Ordered);
        Assert.That(bounds!.Count(b => b < 1), Is.GreaterThanOrEqualTo(6), "most OCI calls take well under a second");
        Assert.That(bounds!.Max(), Is.GreaterThanOrEqualTo(30), "retried calls take tens of seconds");
    }
}
