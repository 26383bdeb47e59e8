using OciOperator.Testing.Architecture;
namespace OciOperator.Oci.Tests.Architecture;

/// <summary>
/// No folder of OciOperator.Oci uses a folder that uses it back (the assembly root, its composition root, is left
/// out), and the check itself finds the loops it is meant to find.
/// </summary>
public sealed class FolderGraphTests
{
    [Test]
    public void Cycles_OciAssembly_None()
    {
        var graph = FolderGraph.Read("OciOperator.Oci");

        Assert.That(graph.Edges.Keys, Does.Contain("Http").And.Contain("Mysql").And.Contain("Auth"), "the source was read");
        Assert.That(graph.Cycles(includeRoot: false), Is.Empty, Describe(graph));
    }

    [Test]
    public void Edges_OciAssembly_GenericLayerDoesNotUseMysql()
    {
        var graph = FolderGraph.Read("OciOperator.Oci");

        Assert.That(graph.Edges["Http"], Does.Not.Contain("Mysql").And.Not.Contain("Diagnostics"), Describe(graph));
        Assert.That(graph.Edges["Mysql"], Does.Contain("Http"), Describe(graph));
    }

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

    private static string Describe(FolderGraph graph) =>
        string.Join("\n", graph.Edges.Select(e => $"{Name(e.Key)} -> {string.Join(", ", e.Value.Select(Name))}"));

    private static string Name(string folder) => folder.Length == 0 ? "(root)" : folder;
}
