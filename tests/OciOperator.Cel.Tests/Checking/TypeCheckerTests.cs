using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Checking;

/// <summary>Checker behaviour beyond the upstream type_deduction suite (result types the RGD engine relies on).</summary>
public sealed class TypeCheckerTests
{
    private static readonly CelEnvironment Env = CelEnvironment.Create(new CelEnvironmentOptions
    {
        Variables = new Dictionary<string, CelType>
        {
            ["names"] = CelType.List(CelType.String),
            ["counts"] = CelType.Map(CelType.String, CelType.Int),
            ["obj"] = CelType.Dyn,
            ["flag"] = CelType.Optional(CelType.Bool),
        },
    });

    public static IEnumerable<TestCaseData> ResultTypes() => new (string Expr, string Type)[]
    {
        ("names.map(n, size(n))", "list(int)"),
        ("names.filter(n, n.startsWith('a'))", "list(string)"),
        ("counts.transformMap(k, v, v * 2)", "map(string, int)"),
        ("counts['a'] + 1", "int"),
        ("counts.?a", "optional_type(int)"),
        ("names[?0].orValue('')", "string"),
        ("obj.a.b", "dyn"),
        ("obj.?a.b", "optional_type(dyn)"),
        ("flag.orValue(false)", "bool"),
        ("cel.bind(x, names, x + ['z'])", "list(string)"),
        ("{'a': 1, 'b': 2u}", "map(string, dyn)"),
        ("[1, 'a']", "list(dyn)"),
        ("[]", "list(dyn)"),
        ("names.exists(n, n == 'x') ? 1 : 2", "int"),
        ("timestamp('2024-01-01T00:00:00Z') + duration('1h')", "google.protobuf.Timestamp"),
        ("type(1)", "type(int)"),
        ("dyn(1) + 1", "int"),
        ("math.greatest(1, 2)", "dyn"),
        ("lists.range(3).sum()", "int"),
        ("quantity('1Gi').isLessThan(quantity('2Gi'))", "bool"),
    }.Select(c => new TestCaseData(c.Expr, c.Type).SetName("Compile_" + c.Expr.Replace('.', '_')));

    [TestCaseSource(nameof(ResultTypes))]
    public void Compile_WellTypedExpression_DeducesResultType(string expr, string type)
    {
        var result = Env.Compile(expr);

        Assert.That(result.Success, Is.True, string.Join("; ", result.Issues));
        Assert.That(result.Program!.ResultType.ToString(), Is.EqualTo(type));
    }

    [TestCase("names + 1", "found no matching overload for '_+_'")]
    [TestCase("counts.a.size()", "found no matching overload for 'size'")]
    [TestCase("names.all(n, n)", "found no matching overload")]
    [TestCase("1.map(x, x)", "cannot be range of a comprehension")]
    [TestCase("undefinedVar", "undeclared reference to 'undefinedVar'")]
    [TestCase("unknownFn(1)", "undeclared reference to 'unknownFn'")]
    [TestCase("true ? 1 : 'a' + 1", "found no matching overload")]
    public void Compile_IllTypedExpression_ReportsIssue(string expr, string message)
    {
        var result = Env.Compile(expr);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Issues.Select(i => i.Message), Has.Some.Contains(message));
    }
}
