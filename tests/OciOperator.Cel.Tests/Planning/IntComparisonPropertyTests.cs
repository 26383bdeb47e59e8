using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>
/// Property tests of the comparison with an int literal bound at plan time: on random left operands (ints, uints,
/// doubles, strings, null, JSON numbers, errors, sizes) and every comparison operator, it gives what run-time dispatch
/// gives (value, error and position, cost), also under tiny cost limits.
/// </summary>
public sealed class IntComparisonPropertyTests
{
    private static readonly string[] Lefts =
    [
        "1", "-3", "7u", "2.5", "'a'", "null", "x.n", "x.d", "x.s", "x.missing", "size(x.l)", "x.l.size()", "1 / 0", "dyn(x.n)",
        "x.?n.orValue(0)", "x.?s.orValue(1)", "[1, 2][1]", "int(x.d)",
    ];

    private static readonly string[] Operators = ["<", "<=", ">", ">=", "==", "!="];

    public static IEnumerable<TestCaseData> Seeds() => Enumerable.Range(0, 4).Select(seed => new TestCaseData(seed).SetName($"IntComparison_RandomOperands_AgreeWithDispatch_Seed{seed}"));

    [TestCaseSource(nameof(Seeds))]
    public void IntComparison_RandomOperands_AgreeWithDispatch(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 60; n++)
        {
            var expression = $"{Lefts[random.Next(Lefts.Length)]} {Operators[random.Next(Operators.Length)]} {random.Next(-2, 4)}";
            if (random.Next(3) == 0)
            {
                expression = random.Next(2) == 0 ? $"({expression}) || x.n > 1" : $"[1, 2, 3].exists(v, {expression} && v {Operators[random.Next(Operators.Length)]} 2)";
            }

            var costLimit = random.Next(4) == 0 ? random.Next(0, 4) : 1_000_000;
            var bound = Evaluate(expression, costLimit, fastPaths: true, out var boundCost);
            var dispatched = Evaluate(expression, costLimit, fastPaths: false, out var dispatchedCost);

            Assert.That(bound, Is.EqualTo(dispatched), expression);
            Assert.That(boundCost, Is.EqualTo(dispatchedCost), "cost of " + expression);
        }
    }

    [TestCase("x.n > 2", "true")]
    [TestCase("x.n == 3", "true")]
    [TestCase("x.n != 3", "false")]
    [TestCase("x.d > 2", "true")]
    [TestCase("x.s > 2", "error")]
    [TestCase("size(x.l) <= 1", "false")]
    public void IntComparison_KnownCases_GiveCelValue(string expression, string expected)
    {
        var result = Evaluate(expression, 1_000_000, fastPaths: true, out _);

        Assert.That(result.StartsWith("error", StringComparison.Ordinal) ? "error" : result, Is.EqualTo(expected));
    }

    private static string Evaluate(string expression, long costLimit, bool fastPaths, out long cost)
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { CostLimit = costLimit, FastLoops = fastPaths });
        var compiled = env.Parse(expression);
        Assert.That(compiled.Success, Is.True, expression + ": " + string.Join("; ", compiled.Issues));
        var activation = new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse("""{"n":3,"d":2.5,"s":"a","l":[1,2]}""") });
        var v = compiled.Program!.Evaluate(activation, out cost, CancellationToken.None);
        return v is ErrorValue e ? $"error@{e.Offset}: {e.Message}" : v.ToString()!;
    }
}
