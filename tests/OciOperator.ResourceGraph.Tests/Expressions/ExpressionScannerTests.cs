using OciOperator.ResourceGraph.Expressions;

namespace OciOperator.ResourceGraph.Tests.Expressions;

public sealed class ExpressionScannerTests
{
    private static IEnumerable<TestCaseData> Valid()
    {
        yield return new TestCaseData("plain text", new string[0], false, "\"\"").SetName("no expression");
        yield return new TestCaseData("${a.b}", new[] { "a.b" }, true, "a.b").SetName("standalone");
        yield return new TestCaseData("x-${a}-y", new[] { "a" }, false, "\"x-\" + (a) + \"-y\"").SetName("template");
        yield return new TestCaseData("${a}${b}", new[] { "a", "b" }, false, "(a) + (b)").SetName("two expressions are a template");
        yield return new TestCaseData("${{\"a\": 1}}", new[] { "{\"a\": 1}" }, true, "{\"a\": 1}").SetName("map literal braces balance");
        yield return new TestCaseData("${\"}\" + a}", new[] { "\"}\" + a" }, true, "\"}\" + a").SetName("brace inside a double-quoted literal");
        yield return new TestCaseData("${'}' + a}", new[] { "'}' + a" }, true, "'}' + a").SetName("brace inside a single-quoted literal");
        yield return new TestCaseData("${\"${VAR}\"}", new[] { "\"${VAR}\"" }, true, "\"${VAR}\"").SetName("escape for a literal dollar brace");
        yield return new TestCaseData("${\"a\\\"}\"}", new[] { "\"a\\\"}\"" }, true, "\"a\\\"}\"").SetName("escaped quote inside a literal");
        yield return new TestCaseData("q\"${a}\\n", new[] { "a" }, false, "\"q\\\"\" + (a) + \"\\\\n\"").SetName("literal text is quoted for CEL");
        yield return new TestCaseData("line\n${a}", new[] { "a" }, false, "\"line\\n\" + (a)").SetName("newline in literal text");
        yield return new TestCaseData("$ {a} and $x", new string[0], false, "\"\"").SetName("dollar without brace is text");
    }

    [TestCaseSource(nameof(Valid))]
    public void Scan_ValidString_FindsExpressions(string value, string[] expressions, bool standalone, string cel)
    {
        var scanned = ExpressionScanner.Scan(value);

        Assert.That(scanned.Error, Is.Null);
        Assert.That(scanned.Expressions, Is.EqualTo(expressions));
        Assert.That(scanned.IsStandalone, Is.EqualTo(standalone));
        if (expressions.Length > 0)
        {
            Assert.That(scanned.ToCel(), Is.EqualTo(cel));
        }
    }

    [TestCase("${a(${b})}", "nested expressions are not allowed unless inside string literals")]
    [TestCase("x ${a", "unterminated expression")]
    [TestCase("${\"unclosed}", "unterminated expression")]
    [TestCase("${}", "empty expression")]
    [TestCase("${  }", "empty expression")]
    public void Scan_BadString_ReportsError(string value, string fragment) =>
        Assert.That(ExpressionScanner.Scan(value).Error, Does.Contain(fragment));
}
