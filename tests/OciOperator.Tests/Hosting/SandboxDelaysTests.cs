using OciOperator.Hosting;

namespace OciOperator.Tests.Hosting;

public sealed class SandboxDelaysTests
{
    private static IEnumerable<TestCaseData> PollCases()
    {
        yield return new TestCaseData(null, 500).SetName("DbSystemPollInterval_EmulatorDefaultCreate_QuarterOfTwoSeconds");
        yield return new TestCaseData(50, 50).SetName("DbSystemPollInterval_NearZeroCreate_FiftyMilliseconds");
        yield return new TestCaseData(10, 50).SetName("DbSystemPollInterval_ShorterThanFloor_FloorOfFiftyMilliseconds");
        yield return new TestCaseData(2_000, 500).SetName("DbSystemPollInterval_TwoSecondCreate_QuarterOfIt");
        yield return new TestCaseData(5_000, 1_000).SetName("DbSystemPollInterval_DemoCreate_CappedAtOneSecond");
        yield return new TestCaseData(60_000, 1_000).SetName("DbSystemPollInterval_LongCreate_CappedAtOneSecond");
    }

    [TestCaseSource(nameof(PollCases))]
    public void DbSystemPollInterval_FromCreateDelay_FitsTheEmulator(int? createMilliseconds, int expectedMilliseconds)
    {
        var delays = new SandboxDelays { DbSystemCreate = createMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null };

        Assert.That(delays.DbSystemPollInterval(), Is.EqualTo(TimeSpan.FromMilliseconds(expectedMilliseconds)));
    }
}
