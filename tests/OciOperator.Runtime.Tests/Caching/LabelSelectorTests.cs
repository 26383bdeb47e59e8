using OciOperator.Runtime.Caching;

namespace OciOperator.Runtime.Tests.Caching;

/// <summary>The query form of label selectors, matched as the API server matches them.</summary>
public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["app"] = "web",
        ["tier"] = "front",
        ["applyset.kubernetes.io/part-of"] = "applyset-abc-v1",
    };

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("", true).SetName("Matches_EmptySelector_True");
        yield return new TestCaseData("app=web", true).SetName("Matches_EqualitySame_True");
        yield return new TestCaseData("app==web", true).SetName("Matches_DoubleEqualsSame_True");
        yield return new TestCaseData("app=db", false).SetName("Matches_EqualityOther_False");
        yield return new TestCaseData("missing=x", false).SetName("Matches_EqualityAbsentKey_False");
        yield return new TestCaseData("app!=db", true).SetName("Matches_NotEqualsOther_True");
        yield return new TestCaseData("app!=web", false).SetName("Matches_NotEqualsSame_False");
        yield return new TestCaseData("missing!=x", true).SetName("Matches_NotEqualsAbsentKey_True");
        yield return new TestCaseData("tier in (back, front)", true).SetName("Matches_InContained_True");
        yield return new TestCaseData("tier in (back)", false).SetName("Matches_InNotContained_False");
        yield return new TestCaseData("tier notin (back)", true).SetName("Matches_NotInNotContained_True");
        yield return new TestCaseData("tier notin (front,back)", false).SetName("Matches_NotInContained_False");
        yield return new TestCaseData("missing notin (x)", true).SetName("Matches_NotInAbsentKey_True");
        yield return new TestCaseData("app", true).SetName("Matches_ExistsPresent_True");
        yield return new TestCaseData("missing", false).SetName("Matches_ExistsAbsent_False");
        yield return new TestCaseData("!missing", true).SetName("Matches_DoesNotExistAbsent_True");
        yield return new TestCaseData("!app", false).SetName("Matches_DoesNotExistPresent_False");
        yield return new TestCaseData("app=web,tier in (front),applyset.kubernetes.io/part-of=applyset-abc-v1", true).SetName("Matches_AllRequirementsHold_True");
        yield return new TestCaseData("app=web,tier in (back,x),!missing", false).SetName("Matches_OneRequirementFails_False");
    }

    [TestCaseSource(nameof(Cases))]
    public void Matches_Selector_AsTheApiServer(string selector, bool expected) =>
        Assert.That(LabelSelector.Parse(selector).Matches(Labels), Is.EqualTo(expected));

    [Test]
    public void Matches_NoLabels_OnlyNegativeRequirementsHold()
    {
        Assert.That(LabelSelector.Parse("!a,b!=c,d notin (e)").Matches(null), Is.True);
        Assert.That(LabelSelector.Parse("a").Matches(null), Is.False);
    }

    [TestCase("a=b,,c")]
    [TestCase("a in b")]
    [TestCase("a within (b)")]
    [TestCase("=b")]
    public void Parse_Malformed_Throws(string selector) =>
        Assert.That(() => LabelSelector.Parse(selector), Throws.TypeOf<FormatException>());
}
