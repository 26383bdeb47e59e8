using OciOperator.Mysql.Controllers;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary><see cref="PollSchedule"/>: short polls at first, growing with the time waited, capped, retry-after honoured.</summary>
public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset RequestedAt = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);

    private static readonly DbSystemControllerOptions Options = new()
    {
        PollInitialInterval = TimeSpan.FromSeconds(10),
        PollMaxInterval = TimeSpan.FromMinutes(1),
    };

    [TestCase(0, 10, TestName = "Next_JustRequested_InitialInterval")]
    [TestCase(20, 10, TestName = "Next_EarlyWait_InitialInterval")]
    [TestCase(40, 10, TestName = "Next_FourIntervalsWaited_StillInitial")]
    [TestCase(60, 15, TestName = "Next_OneMinuteWaited_QuarterOfWait")]
    [TestCase(120, 30, TestName = "Next_TwoMinutesWaited_Grown")]
    [TestCase(240, 60, TestName = "Next_FourMinutesWaited_ReachesCap")]
    [TestCase(3600, 60, TestName = "Next_HourWaited_Capped")]
    public void Next_WaitedSoFar_IntervalGrowsToCap(int waitedSeconds, int expectedSeconds)
    {
        var next = PollSchedule.Next(Options, RequestedAt, RequestedAt.AddSeconds(waitedSeconds));

        Assert.That(next, Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));
    }

    [Test]
    public void Next_AnyWait_NeverShrinksAndStaysWithinBounds()
    {
        var previous = TimeSpan.Zero;
        for (var waited = 0; waited <= 1200; waited += 7)
        {
            var next = PollSchedule.Next(Options, RequestedAt, RequestedAt.AddSeconds(waited));

            Assert.That(next, Is.GreaterThanOrEqualTo(previous), $"waited {waited}s");
            Assert.That(next, Is.InRange(Options.PollInitialInterval, Options.PollMaxInterval), $"waited {waited}s");
            previous = next;
        }
    }

    [Test]
    public void Next_NoRequestTime_InitialInterval()
    {
        var next = PollSchedule.Next(Options, null, RequestedAt.AddHours(3));

        Assert.That(next, Is.EqualTo(Options.PollInitialInterval));
    }

    [Test]
    public void Next_RequestTimeInTheFuture_InitialInterval()
    {
        var next = PollSchedule.Next(Options, RequestedAt.AddMinutes(5), RequestedAt);

        Assert.That(next, Is.EqualTo(Options.PollInitialInterval));
    }

    [TestCase(0, 30, 30, TestName = "Next_RetryAfterLongerThanInterval_Honoured")]
    [TestCase(0, 5, 10, TestName = "Next_RetryAfterShorterThanInterval_IntervalKept")]
    [TestCase(600, 45, 60, TestName = "Next_RetryAfterShorterThanCappedInterval_IntervalKept")]
    [TestCase(600, 300, 300, TestName = "Next_RetryAfterBeyondCap_StillHonoured")]
    [TestCase(0, 0, 10, TestName = "Next_ZeroRetryAfter_IntervalKept")]
    [TestCase(0, -5, 10, TestName = "Next_NegativeRetryAfter_Ignored")]
    public void Next_RetryAfter_LongerOneWins(int waitedSeconds, int retryAfterSeconds, int expectedSeconds)
    {
        var next = PollSchedule.Next(Options, RequestedAt, RequestedAt.AddSeconds(waitedSeconds), TimeSpan.FromSeconds(retryAfterSeconds));

        Assert.That(next, Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));
    }

    [Test]
    public void Next_InitialLongerThanMax_CappedAtMax()
    {
        var options = new DbSystemControllerOptions { PollInitialInterval = TimeSpan.FromMinutes(2), PollMaxInterval = TimeSpan.FromMinutes(1) };

        var next = PollSchedule.Next(options, RequestedAt, RequestedAt);

        Assert.That(next, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void Next_OtherOptions_ScaleWithThem()
    {
        var options = new DbSystemControllerOptions { PollInitialInterval = TimeSpan.FromMilliseconds(50), PollMaxInterval = TimeSpan.FromSeconds(1) };

        Assert.That(PollSchedule.Next(options, RequestedAt, RequestedAt), Is.EqualTo(TimeSpan.FromMilliseconds(50)));
        Assert.That(PollSchedule.Next(options, RequestedAt, RequestedAt.AddSeconds(2)), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(PollSchedule.Next(options, RequestedAt, RequestedAt.AddSeconds(30)), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Next_NullOptions_Throws()
    {
        Assert.That(() => PollSchedule.Next(null!, RequestedAt, RequestedAt), Throws.ArgumentNullException);
    }
}
