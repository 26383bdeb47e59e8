using System.Text.Json.Nodes;
using OciOperator.Cel.Checking;
using OciOperator.Cel.Common;
using OciOperator.Cel.Planning;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>
/// Property tests of the JSON integer fast paths (<c>string(x.n)</c>, <c>x.n &gt; 0</c> read in place): on random operands
/// read from JSON (ints at the edges of the range, doubles, exponents, strings, bools, null, objects, lists, missing keys,
/// schema-typed doubles, loop variables) and every comparison operator, checked and unchecked programs give what the
/// general plan gives: values, errors and their positions, and cost, also under tiny cost and collection limits. The
/// same operands go through <c>size()</c> (alone and compared with an int literal), string <c>==</c> and string concatenation read in place, whose fallback after a
/// charged read (a constant index) must not charge twice.
/// </summary>
public sealed class JsonIntFastPathPropertyTests
{
    private const string Schema = """
        {"type":"object","properties":{"n":{"type":"integer"},"ratio":{"type":"number"},"s":{"type":"string"},
          "items":{"type":"array","items":{"type":"object","properties":{"n":{"type":"integer"}}}}}}
        """;

    private const string Data = """
        {"n":3,"big":9223372036854775807,"neg":-12,"over":9223372036854775808,"d":2.5,"e":1e3,"whole":4.0,"ratio":2,
         "s":"7","t":true,"z":null,"o":{"n":1},"l":[1,-1,2.0,"x"],"items":[{"n":5},{"n":"x"},{}],"s2":"abc"}
        """;

    private static readonly string[] Operands =
    [
        "x.n", "x.big", "x.neg", "x.over", "x.d", "x.e", "x.whole", "x.ratio", "x.s", "x.t", "x.z", "x.o", "x.l", "x.missing",
        "x.o.n", "x.l[0]", "x.l[2]", "x.l[3]", "x.l[9]", "y.n", "y.ratio", "x.s2", "x.items",
    ];

    private static readonly string[] Fields = ["l", "items", "o", "s2", "n", "z", "missing"];

    private static readonly string[] Comparisons = ["<", "<=", ">", ">=", "==", "!="];

    public static IEnumerable<TestCaseData> Seeds() => Enumerable.Range(0, 3).Select(seed => new TestCaseData(seed).SetName($"JsonIntFastPaths_RandomOperands_AgreeWithGeneralPlan_Seed{seed}"));

    [TestCaseSource(nameof(Seeds))]
    public void JsonIntFastPaths_RandomOperands_AgreeWithGeneralPlan(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 50; n++)
        {
            var operand = Operands[random.Next(Operands.Length)];
            var expression = random.Next(5) switch
            {
                0 => $"string({operand})",
                1 => $"{operand} {Comparisons[random.Next(Comparisons.Length)]} {random.Next(-2, 5)}",
                // The other in-place JSON reads over the same operands (their fallback after a charged read, too).
                2 => random.Next(5) switch
                {
                    0 => $"size({operand})",
                    1 => $"{operand} == '7'",
                    2 => $"{operand} + '-'",
                    3 => $"size({operand}) {Comparisons[random.Next(Comparisons.Length)]} {random.Next(-1, 4)}",
                    _ => $"x.?{Fields[random.Next(Fields.Length)]}.orValue([1]).size() {Comparisons[random.Next(Comparisons.Length)]} {random.Next(-1, 4)}",
                },
                _ => random.Next(2) == 0
                    ? $"x.items.map(i, string(i.n))"
                    : $"x.items.exists(i, i.n {Comparisons[random.Next(Comparisons.Length)]} {random.Next(0, 7)})",
            };
            var costLimit = random.Next(4) == 0 ? random.Next(0, 3) : 1_000_000;
            var collectionLimit = random.Next(6) == 0 ? 0 : 1_000;
            var check = random.Next(2) == 0;

            var fast = Evaluate(expression, costLimit, collectionLimit, check, fastPaths: true, out var fastCost);
            var general = Evaluate(expression, costLimit, collectionLimit, check, fastPaths: false, out var generalCost);

            var what = $"{expression} (checked {check}, cost limit {costLimit}, collection limit {collectionLimit})";
            Assert.That(fast, Is.EqualTo(general), what);
            Assert.That(fastCost, Is.EqualTo(generalCost), "cost of " + what);
        }
    }

    [TestCase("string(x.n)", typeof(JsonIntToStringNode))]
    [TestCase("x.n > 0", typeof(JsonIntComparisonNode))]
    [TestCase("x.o.n == 1", typeof(JsonIntComparisonNode))]
    [TestCase("x.?o.?l.orValue([]).size() > 0", typeof(JsonSizeComparisonNode))]
    [TestCase("size(x.?l.orValue([])) <= 2", typeof(JsonSizeComparisonNode))]
    public void JsonIntFastPaths_Shapes_PlanInPlaceNodes(string expression, Type expected)
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["x"] = CelType.Dyn } });

        Assert.That(env.Compile(expression).Program!.Root, Is.TypeOf(expected));
    }

    [TestCase("string(x.n)", "'3'")]
    [TestCase("string(x.big)", "'9223372036854775807'")]
    [TestCase("string(x.ratio)", "'2'")]
    [TestCase("x.neg < -11", "true")]
    [TestCase("x.ratio == 2", "true")]
    public void JsonIntFastPaths_KnownCases_GiveCelValues(string expression, string expected)
    {
        Assert.That(Evaluate(expression, 1_000_000, 1_000, check: true, fastPaths: true, out _), Is.EqualTo(expected));
    }

    private static string Evaluate(string expression, long costLimit, int collectionLimit, bool check, bool fastPaths, out long cost)
    {
        var types = new Dictionary<string, CelType> { ["x"] = CelType.Dyn, ["y"] = OpenApiTypes.FromSchema(JsonNode.Parse(Schema)!, "y") };
        var env = CelEnvironment.Create(new CelEnvironmentOptions { CostLimit = costLimit, MaxCollectionSize = collectionLimit, FastLoops = fastPaths, Variables = types });
        var compiled = check ? env.Compile(expression) : env.Parse(expression);
        if (!compiled.Success)
        {
            // A checked expression the schema types reject (size of a double) is rejected by both plans alike.
            cost = -1;
            return "not checked: " + string.Join("; ", compiled.Issues);
        }

        var data = JsonNode.Parse(Data);
        var y = JsonNode.Parse("""{"n":4,"ratio":3}""");
        var activation = new CelActivation(new Dictionary<string, object?> { ["x"] = data, ["y"] = y }, env.Options.Variables);
        var v = compiled.Program!.Evaluate(activation, out cost, CancellationToken.None);
        return v is ErrorValue e ? $"error@{e.Offset}: {e.Message}" : v.ToString()!;
    }
}
