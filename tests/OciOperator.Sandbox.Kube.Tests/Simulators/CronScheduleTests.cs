using OciOperator.Sandbox.Kube.Simulators.Workloads;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

/// <summary>Cron schedules as the CronJob controller reads them.</summary>
public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset From = new(2030, 5, 1, 8, 7, 30, TimeSpan.Zero); // a Wednesday

    private static IEnumerable<TestCaseData> NextCases()
    {
        yield return Case("EveryMinute", "* * * * *", "2030-05-01T08:08:00Z");
        yield return Case("Step", "*/5 * * * *", "2030-05-01T08:10:00Z");
        yield return Case("Hourly", "@hourly", "2030-05-01T09:00:00Z");
        yield return Case("Daily", "@daily", "2030-05-02T00:00:00Z");
        yield return Case("ListAndRange", "15,45 9-17 * * *", "2030-05-01T09:15:00Z");
        yield return Case("RangeWithStep", "0 10-20/5 * * *", "2030-05-01T10:00:00Z");
        yield return Case("DayOfWeekName", "30 6 * * MON", "2030-05-06T06:30:00Z");
        yield return Case("SundayAsSeven", "0 0 * * 7", "2030-05-05T00:00:00Z");
        yield return Case("MonthName", "0 0 1 JUN *", "2030-06-01T00:00:00Z");
        yield return Case("BothDaysRestricted_EitherMatches", "0 12 15 * FRI", "2030-05-03T12:00:00Z");
        yield return Case("Yearly", "@yearly", "2031-01-01T00:00:00Z");
    }

    private static TestCaseData Case(string name, string schedule, string next) =>
        new TestCaseData(schedule, DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture)).SetName("Next_" + name + "_IsCronsAnswer");

    [TestCaseSource(nameof(NextCases))]
    public void Next_Schedule_IsCronsAnswer(string schedule, DateTimeOffset expected)
    {
        var parsed = CronSchedule.TryParse(schedule, out var error);

        Assert.That(error, Is.Null);
        Assert.That(parsed!.Next(From, TimeZoneInfo.Utc), Is.EqualTo(expected));
    }

    [Test]
    public void Next_TimeZone_ScheduledInThatZone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var parsed = CronSchedule.TryParse("0 9 * * *", out _)!;

        Assert.That(parsed.Next(From, zone), Is.EqualTo(new DateTimeOffset(2030, 5, 2, 7, 0, 0, TimeSpan.Zero)), "09:00 CEST is 07:00 UTC");
    }

    [TestCase("* * * *")]
    [TestCase("60 * * * *")]
    [TestCase("* * * FOO *")]
    [TestCase("*/0 * * * *")]
    [TestCase("5-1 * * * *")]
    public void TryParse_Invalid_Error(string schedule)
    {
        var parsed = CronSchedule.TryParse(schedule, out var error);

        Assert.That(parsed, Is.Null);
        Assert.That(error, Is.Not.Empty);
    }
}
