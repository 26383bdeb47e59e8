using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.Building;

public sealed class GraphBuilderSmokeTests
{
    [Test]
    public void Build_TwoWidgets_CompilesInDependencyOrder()
    {
        var rgd = RgdText.Rgd(RgdText.Widget("second", "name: ${first.metadata.name}", name: "${schema.metadata.name}-b") + "\n" + RgdText.Widget("first"));
        var result = new GraphBuilder(TestKinds.Catalog()).Build(rgd);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        Assert.That(result.Graph!.TopologicalOrder, Is.EqualTo(new[] { "first", "second" }));
    }
}
