using System.Text.Json.Nodes;
using OciOperator.Cel.Checking;
using OciOperator.Cel.Common;
using OciOperator.Cel.Library;
using OciOperator.Cel.Parsing;
using OciOperator.Cel.Planning;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Planning;

/// <summary>
/// Overloads bound at plan time from the checker's resolution: the checker records the overloads that fit each call,
/// a call with one is bound to it, and bound calls give what run-time dispatch gives (value, error and position —
/// no such overload for a <c>dyn</c> value that does not fit — and cost) on random typed expressions.
/// </summary>
public sealed class OverloadBindingTests
{
    private static readonly Dictionary<string, CelType> Declared = new()
    {
        ["x"] = CelType.Dyn,
        ["i"] = CelType.Int,
        ["s"] = CelType.String,
        ["d"] = CelType.Double,
        ["l"] = CelType.List(CelType.Int),
        ["m"] = CelType.Map(CelType.String, CelType.Dyn),
    };

    private static readonly string[] Operands =
    [
        "x.n", "x.s", "x.d", "x.l", "x.z", "x.missing", "i", "s", "d", "l", "m.a", "m.s", "1", "'a'", "2.5", "3u", "[1]", "dyn(s)", "dyn(i)",
    ];

    private static readonly string[] Calls =
    [
        "{0} + {1}", "{0} - {1}", "{0} * {1}", "{0} / {1}", "{0} % {1}", "{0} < {1}", "{0} == {1}", "{0} in {1}", "size({0})", "{0}.size()",
        "string({0})", "int({0})", "double({0})", "{0}.startsWith('a')", "{0}.contains({1})", "{0}[0]", "{0} + 'x'", "i + {0}", "s + {0}",
        "{0}.endsWith(s)", "{0}.matches('^a')", "-{0}", "!({0} == {1})", "type({0}) == int", "{0}.lowerAscii()", "max({0}, {1})",
    ];

    [TestCase("1 + 2", "add_int64")]
    [TestCase("s + 'a'", "add_string")]
    [TestCase("x + 1", "add_int64")]
    [TestCase("size(s)", "size_string")]
    [TestCase("size(x)", "size_string,size_bytes,size_list,size_map")]
    [TestCase("x + x", "add_int64,add_uint64,add_double,add_string,add_bytes,add_list,add_timestamp_duration,add_duration_timestamp,add_duration_duration")]
    public void Check_Call_RecordsTheOverloadsThatFit(string expression, string expected)
    {
        var (checker, parsed) = Check(expression);

        Assert.That(checker.Issues, Is.Empty);
        Assert.That(string.Join(",", checker.OverloadIds[parsed.Id].Order(StringComparer.Ordinal)), Is.EqualTo(string.Join(",", expected.Split(',').Order(StringComparer.Ordinal))));
    }

    [TestCase("i + 1", "add_int64")]
    [TestCase("x - i", "subtract_int64")]
    [TestCase("l + l", "add_list")]
    [TestCase("size(dyn(i))", null)]
    [TestCase("string(x)", null)]
    public void Plan_CheckedCall_IsBoundWhenOneOverloadFits(string expression, string? expected)
    {
        var (checker, parsed) = Check(expression);
        var planner = new Planner(Registry(), string.Empty, Declared, fastLoops: true, checker.OverloadIds);

        var root = planner.Plan(parsed);

        var bound = root switch
        {
            UnaryCallNode u => u.Bound,
            BinaryCallNode b => b.Bound,
            CallNode c => c.Bound,
            _ => throw new AssertionException($"{expression} planned as {root.GetType().Name}"),
        };
        Assert.That(bound?.Id, Is.EqualTo(expected));
    }

    public static IEnumerable<TestCaseData> Seeds() => Enumerable.Range(0, 6).Select(seed => new TestCaseData(seed).SetName($"BoundCalls_RandomTypedExpressions_AgreeWithDispatch_Seed{seed}"));

    [TestCaseSource(nameof(Seeds))]
    public void BoundCalls_RandomTypedExpressions_AgreeWithDispatch(int seed)
    {
        var random = new Random(seed);
        var compared = 0;
        while (compared < 60)
        {
            string Call() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Calls[random.Next(Calls.Length)], Operands[random.Next(Operands.Length)], Operands[random.Next(Operands.Length)]);
            var expression = random.Next(3) switch
            {
                0 => Call(),
                1 => $"{Call()} == {Call()} || {Call()} != {Call()}",
                _ => $"[{Call()}, {Call()}].size() + size({Call()})",
            };
            var costLimit = random.Next(4) == 0 ? random.Next(0, 5) : 1_000_000;
            if (Evaluate(expression, costLimit, fastPaths: true, out var boundCost) is not { } bound)
            {
                continue; // does not type-check
            }

            var dispatched = Evaluate(expression, costLimit, fastPaths: false, out var dispatchedCost);

            Assert.That(bound, Is.EqualTo(dispatched), expression);
            Assert.That(boundCost, Is.EqualTo(dispatchedCost), "cost of " + expression);
            compared++;
        }
    }

    [Test]
    public void BoundCall_DynValueThatDoesNotFit_IsNoSuchOverloadAtTheCall()
    {
        // x + 1 is bound to add_int64 (the only overload that fits dyn + int); a string x does not fit it.
        var result = Evaluate("x.s + 1", 1_000_000, fastPaths: true, out _);

        Assert.That(result, Is.EqualTo("error@4: no such overload: _+_"));
    }

    private static (TypeChecker Checker, OciOperator.Cel.Ast.Expr Parsed) Check(string expression)
    {
        var parsed = Parser.Parse(expression, new ParserOptions()).Expr!;
        var checker = new TypeChecker(Registry(), Declared, string.Empty, expression);
        checker.Check(parsed);
        return (checker, parsed);
    }

    private static FunctionRegistry Registry() => CelEnvironment.Create().Functions;

    private static string? Evaluate(string expression, long costLimit, bool fastPaths, out long cost)
    {
        cost = 0;
        var env = CelEnvironment.Create(new CelEnvironmentOptions { Variables = Declared, CostLimit = costLimit, FastLoops = fastPaths });
        var compiled = env.Compile(expression);
        if (!compiled.Success)
        {
            return null;
        }

        var activation = new CelActivation(
            new Dictionary<string, object?>
            {
                ["x"] = JsonNode.Parse("""{"n":3,"s":"abc","d":2.5,"l":[1,2],"z":0}"""),
                ["i"] = 2L,
                ["s"] = "ab",
                ["d"] = 1.5,
                ["l"] = new List<object?> { 1L, 2L },
                ["m"] = new Dictionary<string, object?> { ["a"] = 1L, ["s"] = "x" },
            },
            Declared);
        var v = compiled.Program!.Evaluate(activation, out cost, CancellationToken.None);
        return v is ErrorValue e ? $"error@{e.Offset}: {e.Message}" : v.ToString()!;
    }
}
