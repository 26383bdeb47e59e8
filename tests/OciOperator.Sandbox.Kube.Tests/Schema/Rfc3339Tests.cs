using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Tests.Schema;

public sealed class Rfc3339Tests
{
    [TestCase("2026-11-23T23:25:17Z")]
    [TestCase("2026-11-23T23:25:17.8Z")]
    [TestCase("2026-11-23T23:25:17.892612Z")]
    [TestCase("2026-11-23T23:25:17.8926121Z")]
    [TestCase("2026-11-23T23:25:17.892612123Z")]
    [TestCase("2026-11-23T23:25:17.892612123+02:00")]
    [TestCase("2026-11-23t23:25:17-07:30")]
    public void TryParse_ValidTimestamp_True(string text) =>
        Assert.That(Rfc3339.TryParse(text, out _), Is.True);

    [TestCase("2026-11-23T23:25:17")]
    [TestCase("2026-11-23 23:25:17Z")]
    [TestCase("2026-11-23T23:25:17.Z")]
    [TestCase("2026-11-23T23:25:17.1234567890Z")]
    [TestCase("2026-13-23T23:25:17Z")]
    [TestCase("yesterday")]
    public void TryParse_InvalidTimestamp_False(string text) =>
        Assert.That(Rfc3339.TryParse(text, out _), Is.False);

    [Test]
    public void TryParse_Nanoseconds_KeepsTicks()
    {
        Assert.That(Rfc3339.TryParse("2026-11-23T23:25:17.123456789Z", out var value), Is.True);
        Assert.That(value.Ticks % TimeSpan.TicksPerSecond, Is.EqualTo(1234567));
    }
}
