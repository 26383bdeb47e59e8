using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Selectors;

namespace OciOperator.Sandbox.Kube.Tests.Selectors;

/// <summary>Label and field selector parsing and matching (apimachinery grammar).</summary>
public sealed class LabelSelectorTests
{
    private static JsonObject Labeled(params (string Key, string Value)[] labels)
    {
        var map = new JsonObject();
        foreach (var (k, v) in labels)
        {
            map[k] = v;
        }

        return new JsonObject { ["metadata"] = new JsonObject { ["name"] = "x", ["labels"] = map } };
    }

    private static IEnumerable<TestCaseData> MatchCases()
    {
        yield return new TestCaseData("a=1", true).SetName("Matches_Equals_True");
        yield return new TestCaseData("a=2", false).SetName("Matches_EqualsOtherValue_False");
        yield return new TestCaseData("a!=2", true).SetName("Matches_NotEquals_True");
        yield return new TestCaseData("missing!=2", true).SetName("Matches_NotEqualsMissingKey_True");
        yield return new TestCaseData("a in (1, 3)", true).SetName("Matches_InWithSpaces_True");
        yield return new TestCaseData("a notin (1)", false).SetName("Matches_NotIn_False");
        yield return new TestCaseData("b", true).SetName("Matches_Exists_True");
        yield return new TestCaseData("!b", false).SetName("Matches_NotExists_False");
        yield return new TestCaseData("a>0", true).SetName("Matches_GreaterThan_True");
        yield return new TestCaseData("a<1", false).SetName("Matches_LessThan_False");
        yield return new TestCaseData("example.com/tier=web", true).SetName("Matches_PrefixedKey_True");
        yield return new TestCaseData("", true).SetName("Matches_Empty_Everything");
    }

    [TestCaseSource(nameof(MatchCases))]
    public void Parse_Selector_MatchesAsApimachinery(string selector, bool expected)
    {
        var obj = Labeled(("a", "1"), ("b", "x"), ("example.com/tier", "web"));

        Assert.That(LabelSelector.Parse(selector).Matches(obj), Is.EqualTo(expected));
    }

    [TestCase("a in (1")]
    [TestCase("a foo (1)")]
    [TestCase("a>x")]
    [TestCase("=1")]
    [TestCase("a b")]
    public void Parse_Malformed_Throws(string selector) =>
        Assert.That(() => LabelSelector.Parse(selector), Throws.TypeOf<SelectorParseException>());

    [Test]
    public void FieldSelector_EscapedComma_IsPartOfValue()
    {
        var selector = FieldSelector.Parse("metadata.name=a\\,b,metadata.namespace!=x");

        Assert.That(selector.Terms, Has.Count.EqualTo(2));
        Assert.That(selector.RequiredValue("metadata.name"), Is.EqualTo("a,b"));
        Assert.That(selector.Terms[1].Equal, Is.False);
    }

    [Test]
    public void FieldSelector_WithoutOperator_Throws() =>
        Assert.That(() => FieldSelector.Parse("metadata.name"), Throws.TypeOf<SelectorParseException>());
}
