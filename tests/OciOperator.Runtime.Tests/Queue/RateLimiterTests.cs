using Microsoft.Extensions.Time.Testing;
using OciOperator.Runtime.Queue;

namespace OciOperator.Runtime.Tests.Queue;

public sealed class RateLimiterTests
{
    [Test]
    public void ItemExponential_RepeatedFailures_DoublesFromBaseToCap()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var delays = Enumerable.Range(0, 4).Select(_ => limiter.When("a")).ToList();
        for (var i = 0; i < 40; i++)
        {
            limiter.When("a");
        }

        Assert.That(delays, Is.EqualTo(new[] { 5, 10, 20, 40 }.Select(ms => TimeSpan.FromMilliseconds(ms))));
        Assert.That(limiter.When("a"), Is.EqualTo(TimeSpan.FromSeconds(1000)));
        Assert.That(limiter.NumRequeues("a"), Is.EqualTo(45));
    }

    [Test]
    public void ItemExponential_Forget_ResetsToBaseAndIsPerItem()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        limiter.When("a");
        limiter.When("a");

        limiter.Forget("a");

        Assert.That(limiter.When("a"), Is.EqualTo(TimeSpan.FromMilliseconds(5)));
        Assert.That(limiter.When("b"), Is.EqualTo(TimeSpan.FromMilliseconds(5)));
        Assert.That(limiter.NumRequeues("a"), Is.EqualTo(1));
    }

    [Test]
    public void Bucket_BurstExhausted_DelaysByQps()
    {
        var time = new FakeTimeProvider();
        var limiter = new BucketRateLimiter<string>(10, 100, time);

        var immediate = Enumerable.Range(0, 100).Count(i => limiter.When($"k{i}") == TimeSpan.Zero);
        var first = limiter.When("x");
        var second = limiter.When("y");

        Assert.That(immediate, Is.EqualTo(100));
        Assert.That(first.TotalMilliseconds, Is.EqualTo(100).Within(0.001));
        Assert.That(second.TotalMilliseconds, Is.EqualTo(200).Within(0.001));
    }

    [Test]
    public void Bucket_TimePasses_RefillsTokens()
    {
        var time = new FakeTimeProvider();
        var limiter = new BucketRateLimiter<string>(10, 2, time);
        limiter.When("a");
        limiter.When("a");

        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.That(limiter.When("a"), Is.EqualTo(TimeSpan.Zero));
        Assert.That(limiter.When("a").TotalMilliseconds, Is.EqualTo(100).Within(0.001));
    }

    [Test]
    public void DefaultControllerRateLimiter_FirstFailures_UsesPerItemBackoff()
    {
        var limiter = RateLimiters.DefaultControllerRateLimiter<string>(new FakeTimeProvider());

        var first = limiter.When("a");
        var second = limiter.When("a");
        limiter.Forget("a");
        var afterForget = limiter.When("a");

        Assert.That(first, Is.EqualTo(TimeSpan.FromMilliseconds(5)));
        Assert.That(second, Is.EqualTo(TimeSpan.FromMilliseconds(10)));
        Assert.That(afterForget, Is.EqualTo(TimeSpan.FromMilliseconds(5)));
    }
}
