using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Parsing;

/// <summary>Hostile source text (deep nesting, oversized or malformed input) gives issues with positions, never a crash or stack overflow.</summary>
public sealed class ParserLimitTests
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
