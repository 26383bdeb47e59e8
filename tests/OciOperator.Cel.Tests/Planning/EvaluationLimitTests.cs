using System.Diagnostics;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>Hostile evaluations (enormous comprehensions, exponential growth, cancellation, runtime failures) end in an error value within the limits, never a crash or hang.</summary>
public sealed class EvaluationLimitTests
{
    [TestCase("lists.range(1000000).map(x, lists.range(1000000).map(y, y)).size()")]
    [TestCase("lists.range(100000).all(x, lists.range(100000).all(y, true))")]
    [TestCase("lists.range(1000).map(a, lists.range(1000).map(b, lists.range(1000).size())).size()")]
    public void Eval_EnormousComprehension_ExceedsCostBudget(string expr)
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { CostLimit = 200_000 });

        var result = CelTestHelper.Eval(expr, env: env);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        Assert.That(((ErrorValue)result).Message, Does.Contain("cost limit"));
    }

    [Test]
    public void Eval_ExponentialListGrowth_ExceedsCollectionLimit()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { MaxCollectionSize = 10_000 });
        var doubling = string.Concat(Enumerable.Repeat(".map(x, [x, x]).flatten()", 20));

        var result = CelTestHelper.Eval("[1]" + doubling, env: env);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
    }

    [Test]
    public void Eval_DistinctOnLargeList_IsLinear()
    {
        var watch = Stopwatch.StartNew();

        var result = CelTestHelper.Eval("lists.range(200000).map(x, x % 1000).distinct().size()");

        Assert.That(result.ToString(), Is.EqualTo("1000"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [TestCase("'ab'", "a + a")]
    [TestCase("b'ab'", "a + a")]
    [TestCase("[1, 2]", "a + a")]
    public void Eval_ExponentialDoublingThroughBindings_ReturnsError(string seed, string step)
    {
        var expr = "cel.bind(a, " + seed + ", " + string.Concat(Enumerable.Repeat("cel.bind(a, " + step + ", ", 40)) + "size(a)" + new string(')', 41);

        var result = CelTestHelper.Eval(expr);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
    }

    [TestCase("lists.range(100000).map(x, 'abcdefghij').join('').replace('', 'abcdefghijabcdefghij')")]
    [TestCase("'%.100000000f'.format([1.0])")]
    public void Eval_OversizedStringResult_ReturnsError(string expr)
    {
        var result = CelTestHelper.Eval(expr);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
    }

    [Test]
    public void Eval_CancelledToken_ReturnsError()
    {
        var program = CelEnvironment.Create().Compile("lists.range(100000).map(x, x * 2).size()").Program!;
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var result = program.Evaluate(CelActivation.Empty, cts.Token);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
        Assert.That(((ErrorValue)result).Message, Does.Contain("cancelled"));
    }

    [TestCase("1 / 0")]
    [TestCase("1 % 0")]
    [TestCase("9223372036854775807 + 1")]
    [TestCase("-9223372036854775808 - 1")]
    [TestCase("[1][5]")]
    [TestCase("{'a': 1}['b']")]
    [TestCase("int('x')")]
    [TestCase("duration('1x')")]
    [TestCase("timestamp('not a time')")]
    [TestCase("'abc'.substring(5)")]
    [TestCase("optional.none().value()")]
    public void Eval_RuntimeFailure_ReturnsErrorValue(string expr)
    {
        var result = CelTestHelper.Eval(expr);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
    }
}
