using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>
/// Property tests: chains of list map/filter macros (optionally sized) run as one fused loop give what the general
/// comprehensions give — value, error message and position, and charged cost — on random ranges (JSON and literals),
/// random predicates and elements that are true, false, errors or not bools, under random cost limits and collection
/// size limits; and the fused sized chain builds no list.
/// </summary>
public sealed class ListChainPropertyTests
{
    private const int Cases = 320;

    private static readonly string[] Elements = ["0", "1", "2", "3", "true", "'x'", "null", "{'a': 1}", "{'a': 0}", "{'b': 1}", "[1]", "1.5"];

    private static readonly string[] Predicates = ["v == 1", "v > 1", "v", "has(v.a)", "v.a > 0", "1 / v > 0", "type(v) == int", "v != 'x'", "true"];

    private static readonly string[] Transforms = ["v", "v.a", "v + 1", "[v]", "{'a': v}", "string(v)", "v.b", "v == 1 ? {'a': 1} : v"];

    private static readonly string[] Endings = ["", ".size()", "size({0})", ".exists(w, w == 1)", "[0]", ".map(w, w)", " == []", "{0}.size() + {0}.size()"];

    public static IEnumerable<TestCaseData> Seeds() => Enumerable.Range(0, 8).Select(seed => new TestCaseData(seed).SetName($"FusedChains_RandomExpressions_AgreeWithGeneralPath_Seed{seed}"));

    [TestCaseSource(nameof(Seeds))]
    public void FusedChains_RandomExpressions_AgreeWithGeneralPath(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < Cases / 8; n++)
        {
            var elements = Enumerable.Range(0, random.Next(0, 6)).Select(_ => Elements[random.Next(Elements.Length)]).ToList();
            var literal = "[" + string.Join(", ", elements) + "]";
            var json = "[" + string.Join(", ", elements.Select(e => e.Replace('\'', '"'))) + "]";
            var template = RandomChain(random);
            var costLimit = random.Next(4) == 0 ? random.Next(1, 30) : 10_000_000;
            var maxCollection = random.Next(4) == 0 ? random.Next(1, 4) : 1_000_000;
            var outcomes = new List<string>();
            foreach (var range in new[] { "x", literal })
            {
                var expression = template.Replace("RANGE", range, StringComparison.Ordinal);
                var fused = Evaluate(expression, json, costLimit, maxCollection, fastLoops: true, out var fusedCost);
                var general = Evaluate(expression, json, costLimit, maxCollection, fastLoops: false, out var generalCost);

                var context = $"{expression} with x = {json}, cost limit {costLimit}, collection limit {maxCollection}";
                Assert.That(Describe(fused, withOffset: true), Is.EqualTo(Describe(general, withOffset: true)), context);
                Assert.That(fusedCost, Is.EqualTo(generalCost), "cost of " + context);
                outcomes.Add(Describe(fused, withOffset: false));
            }

            if (costLimit == 10_000_000 && maxCollection == 1_000_000)
            {
                Assert.That(outcomes[0], Is.EqualTo(outcomes[1]), $"{template} over x = {json} and over {literal}");
            }
        }
    }

    [TestCase("[1, 2, 3, 4].filter(v, v > 1).map(v, v * 10)", "[20, 30, 40]")]
    [TestCase("[1, 2, 3, 4].filter(v, v > 1).map(v, v * 10).size()", "3")]
    [TestCase("size([1, 2, 3].map(v, v > 0, v).filter(v, v != 2))", "2")]
    [TestCase("[1, 2, 3].map(v, v > 1, v).map(v, [v]).filter(v, v[0] == 3)", "[[3]]")]
    [TestCase("[1, 0, 2].filter(v, 10 / v > 1).size()", "error")]
    [TestCase("[1, 'a'].filter(v, true).map(v, v + 1).size()", "error")]
    [TestCase("[].filter(v, v).map(v, v.a).size()", "0")]
    public void FusedChains_KnownCases_GiveCelValue(string expression, string expected)
    {
        var result = Evaluate(expression, "null", 10_000_000, 1_000_000, fastLoops: true, out _);

        Assert.That(result is ErrorValue ? "error" : result.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void FusedChains_ErrorInLaterStage_KeepsPositionOfTheFailingNode()
    {
        var program = CelEnvironment.Create().Parse("[1, 0].map(v, v).map(v, 10 / v).size()").Program!;

        var result = program.Evaluate(CelActivation.Empty);

        Assert.That(program.Locate((ErrorValue)result).Column, Is.EqualTo(28));
    }

    [Test]
    public void FusedSizedChain_OverJson_BuildsNoList()
    {
        var items = new JsonArray([.. Enumerable.Range(0, 200).Select(i => (JsonNode)new JsonObject { ["name"] = "item-" + i, ["enabled"] = i % 2 == 0 })]);
        var program = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["items"] = CelType.Dyn } })
            .Compile("items.filter(i, i.enabled).map(i, i.name).size()").Program!;
        var activation = new CelActivation(new Dictionary<string, object?> { ["items"] = items });
        program.Evaluate(activation);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = program.Evaluate(activation, out var cost);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Unfused: two gathered arrays (200 and 100 slots, over 2.4 KB) and two list views.
        Assert.That(result.ToString(), Is.EqualTo("100"));
        Assert.That(allocated, Is.LessThanOrEqualTo(24));
        Assert.That(cost, Is.EqualTo(200 + 100 + 1));
    }

    private static string RandomChain(Random random)
    {
        var chain = "RANGE";
        var stages = random.Next(1, 4);
        for (var k = 0; k < stages; k++)
        {
            chain += random.Next(3) switch
            {
                0 => $".filter(v, {Predicates[random.Next(Predicates.Length)]})",
                1 => $".map(v, {Transforms[random.Next(Transforms.Length)]})",
                _ => $".map(v, {Predicates[random.Next(Predicates.Length)]}, {Transforms[random.Next(Transforms.Length)]})",
            };
        }

        var ending = Endings[random.Next(Endings.Length)];
        return ending.Contains("{0}", StringComparison.Ordinal) ? string.Format(CultureInfo.InvariantCulture, ending, chain) : chain + ending;
    }

    private static CelValue Evaluate(string expression, string json, long costLimit, int maxCollection, bool fastLoops, out long cost)
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { CostLimit = costLimit, MaxCollectionSize = maxCollection, FastLoops = fastLoops });
        var compiled = env.Parse(expression);
        Assert.That(compiled.Success, Is.True, expression + ": " + string.Join("; ", compiled.Issues));
        var activation = new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(json) });
        return compiled.Program!.Evaluate(activation, out cost, CancellationToken.None);
    }

    private static string Describe(CelValue v, bool withOffset) =>
        v is ErrorValue e ? (withOffset ? $"error@{e.Offset}: " : "error: ") + e.Message : v.ToString()!;
}
