using System.Diagnostics;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Limits;

/// <summary>Hostile input must produce an error (issue or error value), never a crash, stack overflow or hang.</summary>
public sealed class BadInputTests
{
    private const int SmallStack = 1024 * 1024;

    public static IEnumerable<TestCaseData> DeepExpressions() => new (string Name, string Expr)[]
    {
        ("parens", new string('(', 100_000) + "1" + new string(')', 100_000)),
        ("lists", new string('[', 100_000) + new string(']', 100_000)),
        ("maps", string.Concat(Enumerable.Repeat("{1:", 20_000)) + "1" + new string('}', 20_000)),
        ("negations", "-" + string.Concat(Enumerable.Repeat("(-", 50_000)) + "1" + new string(')', 50_000)),
        ("selects", "a" + string.Concat(Enumerable.Repeat(".b", 50_000))),
        ("indexes", "a" + string.Concat(Enumerable.Repeat("[0]", 50_000))),
        ("calls", string.Concat(Enumerable.Repeat("f(", 50_000)) + new string(')', 50_000)),
        ("additions", string.Join(" + ", Enumerable.Repeat("1", 30_000))),
        ("ternaries", string.Concat(Enumerable.Repeat("true ? 1 : ", 30_000)) + "0"),
        ("macros", string.Concat(Enumerable.Repeat("[1].map(x, ", 10_000)) + "x" + new string(')', 10_000)),
    }.Select(c => new TestCaseData(c.Expr).SetName("Compile_DeepNesting_" + c.Name + "_ReportsIssue"));

    [TestCaseSource(nameof(DeepExpressions))]
    public void Compile_DeepNesting_ReportsIssue(string expr)
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { MaxExpressionLength = 1_000_000 });
        CelCompileResult? result = null;

        RunOnSmallStack(() => result = env.Compile(expr));

        Assert.That(result!.Success, Is.False);
        Assert.That(result.Issues, Is.Not.Empty);
    }

    [Test]
    public void Compile_NestingWithinLimit_EvaluatesOnSmallStack()
    {
        var expr = new string('(', 100) + "1" + new string(')', 100) + " + size(" + string.Concat(Enumerable.Repeat("[1].map(x, ", 20)) + "x" + new string(')', 21);
        CelValue? value = null;

        RunOnSmallStack(() => value = CelTestHelper.Eval(expr));

        Assert.That(value, Is.InstanceOf<IntValue>());
    }

    [Test]
    public void Compile_ExpressionLongerThanLimit_ReportsIssue()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { MaxExpressionLength = 1000 });

        var result = env.Compile("'" + new string('a', 5000) + "'");

        Assert.That(result.Success, Is.False);
        Assert.That(result.Issues[0].Message, Does.Contain("exceeds limit"));
    }

    [TestCase("99999999999999999999999")]
    [TestCase("-9223372036854775809")]
    [TestCase("18446744073709551616u")]
    [TestCase("'unterminated")]
    [TestCase("'''never closed")]
    [TestCase("1 +")]
    [TestCase("a.")]
    [TestCase("'\\q'")]
    [TestCase("'\\uD800'")]
    [TestCase("b'\\u00ff'")]
    [TestCase("x = 1")]
    [TestCase("if")]
    [TestCase("has(a)")]
    [TestCase("[1].all(1, true)")]
    [TestCase("#")]
    public void Compile_MalformedInput_ReportsIssueWithPosition(string expr)
    {
        var result = CelEnvironment.Create().Compile(expr);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Issues, Is.Not.Empty);
        Assert.That(result.Issues[0].Line, Is.GreaterThanOrEqualTo(1));
        Assert.That(result.Issues[0].Column, Is.GreaterThanOrEqualTo(1));
    }

    [TestCase("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('^(a+)+$')")]
    [TestCase("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('^(a|a)*$')")]
    [TestCase("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('^(a|aa)+$')")]
    [TestCase("'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'.findAll('(x+x+)+y').size() == 0")]
    public void Eval_PathologicalRegex_CompletesQuickly(string expr)
    {
        var watch = Stopwatch.StartNew();

        var result = CelTestHelper.Eval(expr);

        Assert.That(result, Is.InstanceOf<BoolValue>());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

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

    private static void RunOnSmallStack(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            SmallStack);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new AssertionException("unexpected exception: " + failure);
        }
    }
}
