using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Checking;

/// <summary>The static cost estimate bounds the cost an evaluation is actually charged.</summary>
public sealed class CostEstimateTests
{
    private const string Data = """{"items": [1, 2, 3, 4], "name": "db", "tags": {"a": "b"}}""";

    private static readonly CelEnvironment Env = CelEnvironment.Create(new CelEnvironmentOptions
    {
        Variables = new Dictionary<string, CelType> { ["x"] = CelType.Dyn },
        MaxCollectionSize = 1000,
    });

    private static IEnumerable<TestCaseData> Exact()
    {
        yield return new TestCaseData("1 + 2 * 3", 2L, 2L).SetName("Estimate_Arithmetic_OnePerCall");
        yield return new TestCaseData("x.name", 0L, 0L).SetName("Estimate_FieldSelection_IsFree");
        yield return new TestCaseData("[1, 2, 3].map(i, i * 2)", 0L, 9L).SetName("Estimate_MapOverLiteral_BoundedByItsSize");
        yield return new TestCaseData("x.name == 'a' || size(x.name) > 2", 1L, 3L).SetName("Estimate_ShortCircuit_MinIsLeftSide");
        yield return new TestCaseData("x.items.all(i, i > 0)", 0L, 2000L).SetName("Estimate_ComprehensionOverUnknownList_BoundedByMaxCollectionSize");
        yield return new TestCaseData("x.items.all(i, x.items.exists(j, j == i))", 0L, 1000L * (1 + (1000L * 3))).SetName("Estimate_NestedComprehensions_Multiply");
    }

    [TestCaseSource(nameof(Exact))]
    public void Compile_Expression_EstimatesCost(string expression, long min, long max)
    {
        var compiled = Env.Compile(expression);

        Assert.That(compiled.Success, Is.True, string.Join("; ", compiled.Issues));
        Assert.That(compiled.Cost, Is.EqualTo(new CelCostEstimate(min, max)));
    }

    [TestCase("1 + 2 * 3")]
    [TestCase("[1, 2, 3].map(i, i * 2)")]
    [TestCase("x.items.all(i, i > 0)")]
    [TestCase("x.items.filter(i, i % 2 == 0).map(i, string(i)).size()")]
    [TestCase("x.items.all(i, x.items.exists(j, j == i))")]
    [TestCase("x.tags.exists(k, k == 'a') ? lists.range(40).map(i, i + 1) : []")]
    [TestCase("cel.bind(n, x.items.size(), lists.range(n).sum())")]
    [TestCase("x.name + '-' + x.name.upperAscii()")]
    public void Evaluate_ActualCost_IsWithinTheEstimate(string expression)
    {
        var compiled = Env.Compile(expression);
        Assert.That(compiled.Success, Is.True, string.Join("; ", compiled.Issues));

        var result = compiled.Program!.Evaluate(new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(Data) }), out var actual, CancellationToken.None);

        Assert.That(result, Is.Not.InstanceOf<ErrorValue>());
        Assert.That(actual, Is.InRange(compiled.Cost!.Value.Min, compiled.Cost.Value.Max));
    }

    [Test]
    public void Compile_EstimateOverLimitWithRejection_ReportsIssue()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            Variables = new Dictionary<string, CelType> { ["x"] = CelType.Dyn },
            CostLimit = 1000,
            RejectEstimatedCostOverLimit = true,
        });

        var compiled = env.Compile("x.items.all(i, x.items.exists(j, j == i))");

        Assert.That(compiled.Success, Is.False);
        Assert.That(compiled.Issues.Single().Message, Does.Match(@"estimated cost \d+ exceeds the cost limit 1000"));
    }

    [Test]
    public void Compile_EstimateWithinLimitWithRejection_Succeeds()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { CostLimit = 1000, RejectEstimatedCostOverLimit = true });

        var compiled = env.Compile("[1, 2, 3].all(i, i > 0)");

        Assert.That(compiled.Success, Is.True);
    }

    [Test]
    public void Compile_EstimateOverLimitByDefault_IsAccepted()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["x"] = CelType.Dyn }, CostLimit = 10 });

        var compiled = env.Compile("x.items.all(i, x.items.exists(j, j == i))");

        Assert.That(compiled.Success, Is.True);
        Assert.That(compiled.Cost!.Value.Max, Is.GreaterThan(10));
    }

    [Test]
    public void Compile_SchemaWithMaxItems_UsesTheSizeHint()
    {
        var schema = OciOperator.Cel.Checking.OpenApiTypes.FromSchema(JsonNode.Parse("""
            {"type": "object", "properties": {
              "items": {"type": "array", "maxItems": 10, "items": {"type": "integer"}},
              "free": {"type": "array", "items": {"type": "integer"}}}}
            """), "x");
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["x"] = schema }, MaxCollectionSize = 1000 });

        var hinted = env.Compile("x.items.all(i, i > 0)");
        var unhinted = env.Compile("x.free.all(i, i > 0)");

        Assert.That(hinted.Cost, Is.EqualTo(new CelCostEstimate(0, 20)));
        Assert.That(unhinted.Cost, Is.EqualTo(new CelCostEstimate(0, 2000)));
    }

    [Test]
    public void Compile_HugeNesting_SaturatesInsteadOfOverflowing()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["x"] = CelType.Dyn } });

        var compiled = env.Compile("x.all(a, x.all(b, x.all(c, x.all(d, x.all(e, a == e)))))");

        Assert.That(compiled.Cost!.Value.Max, Is.EqualTo(long.MaxValue));
    }
}
