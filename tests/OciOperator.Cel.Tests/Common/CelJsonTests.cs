using OciOperator.Cel.Common;

namespace OciOperator.Cel.Tests.Common;

/// <summary>Conversion of CEL values out to JSON.</summary>
public sealed class CelJsonTests
{
    public static IEnumerable<TestCaseData> JsonOutCases() => new (string Expr, string Json)[]
    {
        ("1", "1"),
        ("18446744073709551615u", "18446744073709551615"),
        ("2.5", "2.5"),
        ("'x'", "\"x\""),
        ("b'abc'", "\"YWJj\""),
        ("null", "null"),
        ("[1, 'a', true]", "[1,\"a\",true]"),
        ("{'a': {'b': [1]}}", "{\"a\":{\"b\":[1]}}"),
        ("timestamp('2024-01-02T03:04:05.5Z')", "\"2024-01-02T03:04:05.5Z\""),
        ("duration('3600s')", "\"1h0m0s\""),
        ("duration('1.5s')", "\"1.5s\""),
        ("duration('90m')", "\"1h30m0s\""),
        ("duration('300ms')", "\"300ms\""),
        ("optional.of(5)", "5"),
        ("optional.none()", "null"),
    }.Select(c => new TestCaseData(c.Expr, c.Json).SetName("ToNode_" + c.Expr));

    [TestCaseSource(nameof(JsonOutCases))]
    public void ToNode_Value_ConvertsToJson(string expr, string json)
    {
        var value = CelTestHelper.Eval(expr);

        var node = CelJson.ToNode(value);

        Assert.That(node?.ToJsonString() ?? "null", Is.EqualTo(json));
    }

    [Test]
    public void ToNode_ErrorValue_Throws()
    {
        var value = CelTestHelper.Eval("1 / 0");

        Assert.That(() => CelJson.ToNode(value), Throws.InstanceOf<CelEvaluationException>());
    }
}
