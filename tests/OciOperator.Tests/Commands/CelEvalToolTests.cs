using OciOperator.Commands;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

public sealed class CelEvalToolTests
{
    private string _workDir = "";

    [SetUp]
    public void SetUp()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "cel-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_workDir, recursive: true);

    private static IEnumerable<TestCaseData> Results()
    {
        yield return new TestCaseData("1 + 2", "3").SetName("Run_IntArithmetic_PrintsNumber");
        yield return new TestCaseData("18446744073709551615u", "18446744073709551615").SetName("Run_Uint_PrintsNumber");
        yield return new TestCaseData("b'abc'", "\"YWJj\"").SetName("Run_Bytes_PrintsBase64");
        yield return new TestCaseData("timestamp('2024-01-02T03:04:05Z')", "\"2024-01-02T03:04:05Z\"").SetName("Run_Timestamp_PrintsRfc3339");
        yield return new TestCaseData("duration('3600s')", "\"1h0m0s\"").SetName("Run_Duration_PrintsGoStyle");
        yield return new TestCaseData("optional.none()", "null").SetName("Run_OptionalNone_PrintsNull");
        yield return new TestCaseData("optional.of('x')", "\"x\"").SetName("Run_OptionalOf_PrintsValue");
        yield return new TestCaseData("[1, 'a', true]", "[\n  1,\n  \"a\",\n  true\n]").SetName("Run_List_PrintsJsonArray");
        yield return new TestCaseData("json.marshal({'a': 1})", "\"{\\\"a\\\":1}\"").SetName("Run_StringWithQuotes_PrintsBackslashEscapes");
        yield return new TestCaseData("'<b> & \"é\"'", "\"<b> & \\\"é\\\"\"").SetName("Run_HtmlAndNonAscii_PrintsThemAsTheyAre");
        yield return new TestCaseData("{'k': 'a\\nb'}", "{\n  \"k\": \"a\\nb\"\n}").SetName("Run_Newline_PrintsJsonEscape");
    }

    [TestCaseSource(nameof(Results))]
    public void Run_Expression_PrintsJson(string expression, string expected)
    {
        var (code, output, error) = Run(expression, []);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output.Trim(), Is.EqualTo(expected));
    }

    [Test]
    public void Run_YamlKubernetesObjectVariable_EvaluatesWalkthroughExpressions()
    {
        var instance = Path.Combine(RepositoryPaths.Shared, "fixtures", "seed", "osok_kro_demo.yaml");
        var status = Write("svc.yaml", "status:\n  loadBalancer:\n    ingress:\n      - ip: 203.0.113.7\n");

        Assert.That(Run("schema.metadata.name + \"-db\"", ["schema=" + instance]).Output.Trim(), Is.EqualTo("\"osok-kro-demo-db\""));
        Assert.That(Run("x.status.?loadBalancer.?ingress.orValue([]).size() > 0", ["x=" + status]).Output.Trim(), Is.EqualTo("true"));
        Assert.That(Run("x.status.?lifecycleState.orValue(\"\") == \"ACTIVE\"", ["x=" + status]).Output.Trim(), Is.EqualTo("false"));
    }

    [Test]
    public void Run_JsonVariable_IsRead()
    {
        var file = Write("obj.json", """{"status":{"succeeded":1}}""");

        var (code, output, _) = Run("string(x.status.succeeded)", ["x=" + file]);

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output.Trim(), Is.EqualTo("\"1\""));
    }

    [Test]
    public void Run_SyntaxError_PrintsPositionAndCaretAndExitsOne()
    {
        var (code, _, error) = Run("1 + ", []);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Match(@"error: 1:\d+: "));
        Assert.That(error, Does.Contain(" | 1 + "));
        Assert.That(error, Does.Contain("^"));
    }

    [Test]
    public void Run_TwoSyntaxErrors_PrintsBothPositions()
    {
        var (code, _, error) = Run("[1 +, 2 *]", []);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error: 1:5: ").And.Contain("error: 1:10: "));
    }

    [Test]
    public void Run_TypeError_NamesTheOverload()
    {
        var (code, _, error) = Run("'a' + 1", []);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("found no matching overload for '_+_' applied to '(string, int)'"));
    }

    [Test]
    public void Run_MissingKeyAtRuntime_PrintsEvaluationError()
    {
        var file = Write("obj.json", """{"spec":{}}""");

        var (code, _, error) = Run("x.spec.name", ["x=" + file]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("no such key").And.Contain("name"));
    }

    [TestCase("[1, 2][5]", "error: 1:7: index out of bounds", " |       ^")]
    [TestCase("lists.setAtIndex([1], 3, 0)", "error: 1:17: lists.setAtIndex: index 3 out of bounds [0, 1)", " |                 ^")]
    [TestCase("{'a': 1}.deepMerge(dyn(5))", "error: 1:19: no such overload", " |                   ^")]
    public void Run_RuntimeErrorKind_PrintsLineColumnAndCaret(string expression, string message, string caret)
    {
        var (code, _, error) = Run(expression, []);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain(message));
        Assert.That(error, Does.Contain(" | " + expression + Environment.NewLine + caret + Environment.NewLine));
    }

    [Test]
    public void Run_RuntimeErrorOnSecondLine_PrintsItsLineColumnAndCaret()
    {
        var file = Write("obj.json", """{"spec":{"replicas":0}}""");

        var (code, _, error) = Run("x.spec.replicas > 0 ||\n  10 / x.spec.replicas > 1", ["x=" + file]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("error: 2:6: division by zero"));
        Assert.That(error, Does.Contain(" |   10 / x.spec.replicas > 1" + Environment.NewLine + " |      ^"));
    }

    [Test]
    public async Task CelEval_AsProcess_RuntimeErrorPrintsPositionAndExitsOne()
    {
        var file = Write("obj.json", """{"spec":{}}""");

        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "oci-operator.dll"), "cel", "eval", "x.spec.foo", "--var", "x=" + file],
            TimeSpan.FromSeconds(60));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardError);
        Assert.That(result.StandardError, Does.Contain("error: 1:7: no such key: foo"));
        Assert.That(result.StandardError, Does.Contain(" | x.spec.foo" + Environment.NewLine + " |       ^"));
    }

    [Test]
    public void Run_CheckOnly_PrintsResultType()
    {
        var (code, output, _) = Run("[1, 2].map(i, i * 2)", [], checkOnly: true);

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output.Trim(), Is.EqualTo("list(int)"));
    }

    [TestCase("novalue", "expected NAME=FILE")]
    [TestCase("x=/no/such/file.yaml", "does not exist")]
    public void Run_BadVarArgument_ExitsTwoWithReason(string argument, string reason)
    {
        var (code, _, error) = Run("1", [argument]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(reason));
    }

    [Test]
    public void Run_MalformedVarFile_ExitsTwoNamingTheFile()
    {
        var file = Write("bad.yaml", "a: [1, 2\nb: }");

        var (code, _, error) = Run("1", ["x=" + file]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("bad.yaml"));
    }

    [Test]
    public async Task CelEval_AsProcess_PrintsResultAndExitsZero()
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "oci-operator.dll"), "cel", "eval", "'osok' + '-db'"], TimeSpan.FromSeconds(60));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);
        Assert.That(result.StandardOutput.Trim(), Is.EqualTo("\"osok-db\""));
    }

    private static (int Code, string Output, string Error) Run(string expression, string[] variables, bool checkOnly = false)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CelEvalTool.Run(expression, variables, checkOnly, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_workDir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
