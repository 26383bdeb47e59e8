using OciOperator.Commands;

namespace OciOperator.Tests.Commands;

public sealed class DurationTests
{
    private static IEnumerable<TestCaseData> Valid()
    {
        yield return new TestCaseData("10m", TimeSpan.FromMinutes(10));
        yield return new TestCaseData("1h30m", TimeSpan.FromMinutes(90));
        yield return new TestCaseData("90s", TimeSpan.FromSeconds(90));
        yield return new TestCaseData("500ms", TimeSpan.FromMilliseconds(500));
        yield return new TestCaseData("1.5h", TimeSpan.FromMinutes(90));
        yield return new TestCaseData("2m3s4ms", new TimeSpan(0, 0, 2, 3, 4));
        yield return new TestCaseData("0", TimeSpan.Zero);
        yield return new TestCaseData("00:10:00", TimeSpan.FromMinutes(10));
        yield return new TestCaseData("1.00:00:00", TimeSpan.FromDays(1));
    }

    [TestCaseSource(nameof(Valid))]
    public void TryParse_KubectlOrConstantForm_ReturnsDuration(string text, TimeSpan expected)
    {
        Assert.That(Duration.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("10")]
    [TestCase("m")]
    [TestCase("10x")]
    [TestCase("-5s")]
    [TestCase("-00:00:05")]
    [TestCase("1h 30m")]
    [TestCase("99999999999999h")]
    public void TryParse_Malformed_ReturnsFalse(string text) =>
        Assert.That(Duration.TryParse(text, out _), Is.False);
}
