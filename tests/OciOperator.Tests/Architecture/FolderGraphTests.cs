using OciOperator.Testing.Architecture;

namespace OciOperator.Tests.Architecture;

/// <summary>The folder-dependency checker itself finds the loops it is meant to find, and no others.</summary>
public sealed class FolderGraphTests
{
    [TestCaseSource(nameof(LoopCases))]
    public void Cycles_Sources_FindsLoop(string[] sources, string[] expected)
    {
        var graph = FolderGraph.FromSources("Acme", sources);

        Assert.That(graph.Cycles(includeRoot: true).Select(c => string.Join(",", c.Order(StringComparer.Ordinal))), Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> LoopCases()
    {
        yield return new TestCaseData(
            new[] { "using Acme.B;\nnamespace Acme.A;\nclass TA { TB b; }", "using Acme.A;\nnamespace Acme.B;\nclass TB { TA a; }" },
            new[] { "A,B" }).SetName("Cycles_Sources_FindsLoop(using both ways)");
        yield return new TestCaseData(
            new[] { "namespace Acme.A;\nclass TA { Acme.B.TB b; }", "namespace Acme.B;\nclass TB { global::Acme.A.TA a; }" },
            new[] { "A,B" }).SetName("Cycles_Sources_FindsLoop(fully qualified)");
        yield return new TestCaseData(
            new[] { "namespace Acme;\nclass Options { Acme.A.TA a; }", "namespace Acme.A;\nclass TA { Options o; }" },
            new[] { ",A" }).SetName("Cycles_Sources_FindsLoop(enclosing namespace seen without a using)");
        yield return new TestCaseData(
            new[] { "using Acme.B;\nnamespace Acme.A;\nclass TA { TB b; }", "namespace Acme.B;\n// TA in a comment\nclass TB { string s = \"TA\"; }" },
            Array.Empty<string>()).SetName("Cycles_Sources_FindsLoop(comments and strings are not uses)");
    }
}
