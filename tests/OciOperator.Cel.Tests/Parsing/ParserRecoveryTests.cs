using OciOperator.Cel.Parsing;

namespace OciOperator.Cel.Tests.Parsing;

/// <summary>The parser reports every syntax error it can recover from (at ',' and closing brackets), each positioned.</summary>
public sealed class ParserRecoveryTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("f(1 +, 2 *)", new[] { "1:6", "1:11" }).SetName("Parse_TwoBadCallArguments_ReportsBoth");
        yield return new TestCaseData("[1 +, 2, 3 /]", new[] { "1:5", "1:13" }).SetName("Parse_TwoBadListElements_ReportsBoth");
        yield return new TestCaseData("{'a': , 'b': 1, 'c' 2}", new[] { "1:7", "1:21" }).SetName("Parse_TwoBadMapEntries_ReportsBoth");
        yield return new TestCaseData("size(\n  1 +,\n  [2, *])", new[] { "2:6", "3:7" }).SetName("Parse_ErrorsOnSeveralLines_ReportsEachLine");
        yield return new TestCaseData("f(g(1 +), h(*))", new[] { "1:8", "1:13" }).SetName("Parse_ErrorsInNestedCalls_ReportsBoth");
        yield return new TestCaseData("(1 +) + (2 *)", new[] { "1:5", "1:13" }).SetName("Parse_ErrorsInTwoParentheses_ReportsBoth");
        yield return new TestCaseData("1 + ", new[] { "1:5" }).SetName("Parse_TopLevelError_ReportsOne");
    }

    [TestCaseSource(nameof(Cases))]
    public void Parse_SyntaxErrors_ReportsEachWithPosition(string expression, string[] positions)
    {
        var result = Parser.Parse(expression);

        Assert.That(result.Expr, Is.Null);
        Assert.That(result.Issues.Select(i => $"{i.Line}:{i.Column}"), Is.EqualTo(positions), string.Join("; ", result.Issues));
    }

    [Test]
    public void Parse_ManyErrors_StopsAtTheLimit()
    {
        var expression = "f(" + string.Join(", ", Enumerable.Repeat("*", 150)) + ")";

        var result = Parser.Parse(expression);

        Assert.That(result.Issues, Has.Count.EqualTo(Parser.MaxIssues));
    }

    [Test]
    public void Parse_NestingLimitInsideList_IsReportedOnceWithoutRecovery()
    {
        var expression = "[1, " + new string('[', 300) + new string(']', 300) + ", 2 +]";

        var result = Parser.Parse(expression);

        Assert.That(result.Issues, Has.Count.EqualTo(1));
        Assert.That(result.Issues[0].Message, Does.Contain("recursion limit"));
    }

    [Test]
    public void Compile_TwoSyntaxErrors_ReportsBothIssues()
    {
        var compiled = CelEnvironment.Create().Compile("[1 +, 2 *]");

        Assert.That(compiled.Success, Is.False);
        Assert.That(compiled.Issues, Has.Count.EqualTo(2));
    }
}
