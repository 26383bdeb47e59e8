using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>
/// Property tests: all/exists/exists_one planned as one loop node give what the general comprehension gives (value,
/// error message and position, and charged cost) on random ranges (literals and JSON, lists and maps, one and two
/// variables), random predicates that are true, false, errors or not bools, inside &amp;&amp;/|| that absorb errors,
/// and under random cost limits; and over JSON (variables bound to raw JSON keys and elements) they give what they
/// give over the same data written as a CEL literal, also for map and filter (whose results over JSON keep the
/// elements unwrapped) and whatever reads their results.
/// </summary>
public sealed class QuantifierPropertyTests
{
    private const int Cases = 400;

    private static readonly string[] Predicates =
    [
        "v == 1", "v > 1", "v", "1 / v > 0", "v.a > 0", "has(v.a)", "v != 'x'", "string(v) == '2'", "v in [1, 2]",
        "size(string(v)) > 1", "type(v) == int && v % 2 == 0", "v == 1 || v.a == 1", "v == 0 && 1 / v == 0",
    ];

    private static readonly string[] KeyPredicates = ["v.startsWith('k1')", "v == 'k0'", "v != 'k2'", "v.endsWith('1')", "v.contains('k')", "v > 'k1'", "size(v) == 2"];

    private static readonly string[] Elements = ["0", "1", "2", "3", "true", "false", "'x'", "null", "{'a': 1}", "{'a': 0}", "{'b': 1}", "[1]", "1.5"];

    // Read back what map/filter gathered (over JSON they may keep elements unwrapped): every way a list is consumed.
    private static readonly string[] FollowUps =
    [
        "", "", "", ".map(w, w)", ".filter(w, w == 1 || w.a == 1)", ".exists(w, w == 1)", ".map(w, w.a)", ".size()", "[0]",
        ".filter(w, true).map(w, w.b)", " == [1, {'a': 1}]", ".all(w, type(w) == int)",
    ];

    private static readonly string[] Wrappers = ["{0}", "{0} || true", "{0} && false", "true && {0}", "false || {0}", "!{0}", "{0} ? 1 : 2", "size({0})"];

    public static IEnumerable<TestCaseData> Seeds() => Enumerable.Range(0, 8).Select(seed => new TestCaseData(seed).SetName($"FastLoops_RandomExpressions_AgreeWithGeneralPath_Seed{seed}"));

    [TestCaseSource(nameof(Seeds))]
    public void FastLoops_RandomExpressions_AgreeWithGeneralPath(int seed)
    {
        var random = new Random(seed);
        var checkedCases = 0;
        for (var n = 0; n < Cases / 8; n++)
        {
            var (template, literal, json) = RandomCase(random);
            var costLimit = random.Next(4) == 0 ? random.Next(1, 40) : 10_000_000;
            var outcomes = new List<string>();
            foreach (var range in new[] { "x", literal })
            {
                var expression = template.Replace("RANGE", range, StringComparison.Ordinal);
                var fast = Evaluate(expression, json, costLimit, fastLoops: true, out var fastCost);
                var general = Evaluate(expression, json, costLimit, fastLoops: false, out var generalCost);

                Assert.That(Describe(fast, withOffset: true), Is.EqualTo(Describe(general, withOffset: true)), $"{expression} with x = {json}, cost limit {costLimit}");
                Assert.That(fastCost, Is.EqualTo(generalCost), $"cost of {expression} with x = {json}");
                outcomes.Add(Describe(fast, withOffset: false));
            }

            // Over JSON (raw slots) as over the same data written as a CEL literal (ranges differ in length, so do offsets).
            if (costLimit == 10_000_000)
            {
                Assert.That(outcomes[0], Is.EqualTo(outcomes[1]), $"{template} over x = {json} and over {literal}");
            }

            checkedCases++;
        }

        Assert.That(checkedCases, Is.EqualTo(Cases / 8));
    }

    [TestCase("[1, 2, 3].exists(v, v == 2)", "true")]
    [TestCase("[1, 'a', 3].exists(v, v == 3)", "true")]
    [TestCase("[1, 'a', 3].exists(v, v > 2)", "true")]
    [TestCase("['a', 1].exists(v, v > 2)", "error")]
    [TestCase("[1, 'a', 0].all(v, v > 0)", "false")]
    [TestCase("['a', 1].all(v, v > 0)", "error")]
    [TestCase("[1, 2].exists_one(v, v > 1)", "true")]
    [TestCase("[2, 2].exists_one(v, v > 1)", "false")]
    [TestCase("[2, 'a'].exists_one(v, v > 1)", "error")]
    [TestCase("{'a': 1, 'b': 2}.exists(k, v, v == 2 && k == 'b')", "true")]
    [TestCase("[5, 6].all(i, v, i < 2 && v > 4)", "true")]
    [TestCase("[].exists(v, v)", "false")]
    [TestCase("[].all(v, v)", "true")]
    [TestCase("[1].exists(v, v)", "error")]
    public void FastLoops_KnownCases_GiveCelValue(string expression, string expected)
    {
        var result = Evaluate(expression, "null", 10_000_000, fastLoops: true, out _);

        Assert.That(result is ErrorValue ? "error" : result.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void FastLoops_ErrorInPredicate_KeepsPositionOfTheFailingNode()
    {
        var program = CelEnvironment.Create().Parse("[1, 0].all(v, 10 / v > 0)").Program!;

        var result = program.Evaluate(CelActivation.Empty);

        Assert.That(program.Locate((ErrorValue)result).Column, Is.EqualTo(18));
    }

    private static (string Template, string Literal, string Json) RandomCase(Random random)
    {
        var count = random.Next(0, 6);
        var elements = Enumerable.Range(0, count).Select(_ => Elements[random.Next(Elements.Length)]).ToList();
        var asMap = random.Next(3) == 0;
        var literal = asMap
            ? "{" + string.Join(", ", elements.Select((e, i) => $"'k{i}': {e}")) + "}"
            : "[" + string.Join(", ", elements) + "]";
        var json = asMap
            ? "{" + string.Join(", ", elements.Select((e, i) => $"\"k{i}\": {ToJson(e)}")) + "}"
            : "[" + string.Join(", ", elements.Select(ToJson)) + "]";
        var predicate = Predicates[random.Next(Predicates.Length)];
        var twoVariables = random.Next(3) == 0;
        if (asMap && !twoVariables)
        {
            // One-variable iteration over a map gives keys (strings): test them, or read the value by key.
            predicate = random.Next(2) == 0
                ? KeyPredicates[random.Next(KeyPredicates.Length)]
                : predicate.Replace("v", "RANGE[v]", StringComparison.Ordinal);
        }

        // map/filter (one variable) run as general comprehensions over raw JSON slots: compared with the literal range.
        var macro = twoVariables ? new[] { "all", "exists", "exists_one" }[random.Next(3)] : new[] { "all", "exists", "exists_one", "map", "filter" }[random.Next(5)];
        var call = twoVariables ? $"RANGE.{macro}(i, v, {predicate})" : $"RANGE.{macro}(v, {predicate})";
        if (macro is "map" or "filter")
        {
            // A map that only reads the element or its field (its list may stay JSON), then something that reads it.
            call = (random.Next(3) == 0 ? $"RANGE.map(v, {(random.Next(2) == 0 ? "v" : "v.a")})" : call) + FollowUps[random.Next(FollowUps.Length)];
        }

        var template = string.Format(CultureInfo.InvariantCulture, Wrappers[random.Next(Wrappers.Length)], call);
        return (template, literal, json);
    }

    private static string ToJson(string celElement) => celElement switch
    {
        "'x'" => "\"x\"",
        "{'a': 1}" => "{\"a\": 1}",
        "{'a': 0}" => "{\"a\": 0}",
        "{'b': 1}" => "{\"b\": 1}",
        _ => celElement,
    };

    private static CelValue Evaluate(string expression, string json, long costLimit, bool fastLoops, out long cost)
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { CostLimit = costLimit, FastLoops = fastLoops });
        var compiled = env.Parse(expression);
        Assert.That(compiled.Success, Is.True, expression + ": " + string.Join("; ", compiled.Issues));
        var activation = new CelActivation(new Dictionary<string, object?> { ["x"] = JsonNode.Parse(json) });
        return compiled.Program!.Evaluate(activation, out cost, CancellationToken.None);
    }

    private static string Describe(CelValue v, bool withOffset) =>
        v is ErrorValue e ? (withOffset ? $"error@{e.Offset}: " : "error: ") + e.Message : v.ToString()!;
}
