using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.Building.BadRgd;

/// <summary>
/// The bad-RGD catalogue (kro.md A.4): each RGD is rejected with a message that contains kro's text for the case,
/// classified in the right group, naming the resource where kro does.
/// </summary>
public sealed class BadRgdTests
{
    private static readonly GraphBuilder Builder = new(TestKinds.Catalog(withDbSystem: false));

    private static IEnumerable<TestCaseData> Cases() => BadRgdCases.Admission()
        .Concat(BadRgdCases.Naming())
        .Concat(BadRgdCases.Extraction())
        .Concat(BadRgdCases.Dependencies())
        .Concat(BadRgdCases.TypeChecking())
        .Concat(BadRgdCases.Status())
        .Concat(BadRgdCases.SimpleSchemaErrors())
        .Concat(BadRgdCases.Lifecycle());

    [TestCaseSource(nameof(Cases))]
    public void Build_BadRgd_ReportsKroMessage(JsonObject rgd, string fragment, GraphErrorGroup group, string? resourceId)
    {
        var result = Builder.Build(rgd);

        Assert.That(result.Outcome, Is.EqualTo(GraphBuildOutcome.Invalid), "the RGD must be rejected");
        Assert.That(result.Graph, Is.Null);
        var match = result.Errors.FirstOrDefault(e => e.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.That(match, Is.Not.Null, $"no error contains «{fragment}»; got:\n{result.Message}");
        Assert.That(match!.Group, Is.EqualTo(group), match.ToString());
        if (resourceId is not null)
        {
            Assert.That(match.ResourceId, Is.EqualTo(resourceId), match.ToString());
        }

        if (group == GraphErrorGroup.SimpleSchema)
        {
            Assert.That(match.Message, Does.StartWith(BadRgdCases.SimpleSchemaWrap));
        }
    }

    [Test]
    public void Cases_CoverEveryGroupWithAtLeastOneHundredCases()
    {
        var cases = Cases().ToList();
        var groups = cases.Select(c => (GraphErrorGroup)c.Arguments[2]!).Distinct().ToList();

        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(100));
        Assert.That(groups, Is.EquivalentTo(Enum.GetValues<GraphErrorGroup>().Where(g => g != GraphErrorGroup.CrdOwnership)));
    }
}
