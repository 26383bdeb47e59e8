using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Planning;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>
/// Static cost of loop-free code: the largest subtrees whose cost never varies are charged once; the value, the cost
/// limit error and its position, and the cost charged (also of failed evaluations) are those of per-node charging, on
/// random expressions under random cost limits.
/// </summary>
public sealed class StaticCostTests
{
    private static readonly string[] Leaves = ["x.n", "x.s", "x.l", "x.missing", "1", "2u", "'a'", "2.5", "[1, 2]", "x.z", "null", "{'a': 1}"];

    private static readonly string[] Shapes =
    [
        "{0} + {1}", "{0} * {1}", "{0} / {1}", "{0} < {1}", "{0} == {1}", "size({0})", "string({0})", "int({0})", "[{0}, {1}]", "{{'k': {0}}}",
        "{0} && {1}", "{0} || {1}", "{0} ? {1} : {0}", "-{0}", "{0}.startsWith('a')", "{0} + 'x'", "{0}[0]", "[{0}].exists(v, v == {1})",
        "x.?s.orValue({0})", "{0} in {1}", "type({0})",
    ];

    [TestCase("1 + 2 + 3", 2)]
    [TestCase("x.n * 2 + x.n * 3 < 100", 4)]
    [TestCase("[x.s + 'a', string(x.n)]", 2)]
    public void Plan_LoopFreeExpression_IsChargedOnceUpFront(string expression, long expectedCost)
    {
        var program = Compile(expression, 1_000_000);

        Assert.That(program.Root, Is.TypeOf<StaticCostNode>());
        Assert.That(((StaticCostNode)program.Root).StaticCost, Is.Null, "a region is never part of a larger one");
        program.Evaluate(Activation(), out var cost);
        Assert.That(cost, Is.EqualTo(expectedCost));
    }

    [TestCase("x.n + 1 > 2 && x.n * 2 > 1")]
    [TestCase("[1, 2].exists(v, v + x.n > 4)")]
    public void Plan_ShortCircuitOrLoop_KeepsChargingAsItRuns(string expression)
    {
        var program = Compile(expression, 1_000_000);

        Assert.That(program.Root, Is.Not.TypeOf<StaticCostNode>());
    }

    [TestCase(0, "error@2: operation cancelled: actual cost limit exceeded (0)")]
    [TestCase(1, "error@6: operation cancelled: actual cost limit exceeded (1)")]
    [TestCase(2, "error@10: operation cancelled: actual cost limit exceeded (2)")]
    [TestCase(3, "10")]
    public void Evaluate_CostLimitInsideStaticRegion_FailsAtTheNodeThatExceedsIt(long limit, string expected)
    {
        var program = Compile("1 + 2 + 3 + 4", limit);

        var result = program.Evaluate(Activation(), out var cost);

        Assert.That(Describe(result), Is.EqualTo(expected));
        Assert.That(cost, Is.EqualTo(Math.Min(limit + 1, 3)));
    }

    public static IEnumerable<TestCaseData> Seeds() => Enumerable.Range(0, 6).Select(seed => new TestCaseData(seed).SetName($"StaticCost_RandomExpressions_AgreeWithPerNodeCharging_Seed{seed}"));

    [TestCaseSource(nameof(Seeds))]
    public void StaticCost_RandomExpressions_AgreeWithPerNodeCharging(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 80; n++)
        {
            var expression = RandomExpression(random, depth: 3);
            var costLimit = random.Next(3) == 0 ? random.Next(0, 8) : 1_000_000;
            var fast = Evaluate(expression, costLimit, fastPaths: true, out var fastCost);
            var general = Evaluate(expression, costLimit, fastPaths: false, out var generalCost);

            Assert.That(fast, Is.EqualTo(general), $"{expression} with cost limit {costLimit}");
            Assert.That(fastCost, Is.EqualTo(generalCost), $"cost of {expression} with cost limit {costLimit}");
        }
    }

    private static string RandomExpression(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return Leaves[random.Next(Leaves.Length)];
        }

        return "(" + string.Format(CultureInfo.InvariantCulture, Shapes[random.Next(Shapes.Length)], RandomExpression(random, depth - 1), RandomExpression(random, depth - 1)) + ")";
    }

    private static CelProgram Compile(string expression, long costLimit)
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["x"] = CelType.Dyn }, CostLimit = costLimit });
        return env.Compile(expression).Program!;
    }

    private static CelActivation Activation() => new(new Dictionary<string, object?> { ["x"] = JsonNode.Parse("""{"n":3,"s":"abc","l":[1,2],"z":0}""") });

    private static string Evaluate(string expression, long costLimit, bool fastPaths, out long cost)
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["x"] = CelType.Dyn }, CostLimit = costLimit, FastLoops = fastPaths });
        var compiled = env.Compile(expression);
        if (!compiled.Success)
        {
            // Both paths share the checker; what does not check is compared as unchecked programs.
            compiled = env.Parse(expression);
        }

        var v = compiled.Program!.Evaluate(Activation(), out cost, CancellationToken.None);
        return Describe(v);
    }

    private static string Describe(CelValue v) => v is ErrorValue e ? $"error@{e.Offset}: {e.Message}" : v.ToString()!;
}
