using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Rendering;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.ResourceGraph.Tests.Seed;

/// <summary>The seed RGD (OSOK + kro WordPress walkthrough) against the built-in kinds and the committed DbSystem CRD.</summary>
public sealed class SeedRgdGraphTests
{
    private static CompiledGraph Compile()
    {
        var result = new GraphBuilder(TestKinds.WithBuiltIns()).Build(SeedRgd.Load());
        Assert.That(result.Errors, Is.Empty, result.Message);
        Assert.That(result.Outcome, Is.EqualTo(GraphBuildOutcome.Compiled), result.Message);
        return result.Graph!;
    }

    [Test]
    public void Build_SeedRgd_CompilesInTheWalkthroughOrder()
    {
        var graph = Compile();

        Assert.That(graph.TopologicalOrder,
            Is.EqualTo(new[] { "mysqlAdminSecret", "mysqlDbSystem", "initWordpressDb", "wordpressDeployment", "wordpressSvc" }));
        Assert.That(graph.Node("initWordpressDb").Dependencies, Is.EqualTo(new[] { "mysqlAdminSecret", "mysqlDbSystem" }));
        Assert.That(graph.Node("wordpressSvc").Dependencies, Is.EqualTo(new[] { "wordpressDeployment" }));
        Assert.That(graph.DeletionLayers.Select(l => string.Join(",", l)),
            Is.EqualTo(new[] { "wordpressSvc", "wordpressDeployment", "initWordpressDb", "mysqlDbSystem", "mysqlAdminSecret" }));
    }

    [Test]
    public void Build_SeedRgd_StatusWordpressSvcIpIsString()
    {
        var status = Compile().InstanceCrd()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["status"]!["properties"]!;

        Assert.That(JsonText.Canonical(status["wordpressSvcIP"]), Is.EqualTo("""{"type":"string"}"""));
    }

    [Test]
    public void Build_SeedRgd_ReadyWhenTypedAgainstKindSchemas()
    {
        var graph = Compile();

        Assert.That(graph.Node("mysqlDbSystem").ReadyWhen.Single().ResultType.ToString(), Is.EqualTo("bool"));
        Assert.That(graph.Node("wordpressDeployment").ReadyWhen.Single().ResultType.ToString(), Is.EqualTo("bool"));
        Assert.That(graph.Node("mysqlDbSystem").Namespaced, Is.True);
    }

    [Test]
    public void Build_SeedRgdWithoutDbSystemCrd_WaitsForIt()
    {
        var resolver = new Schemas.CombinedSchemaResolver(new Schemas.BuiltInSchemaResolver(), TestKinds.Catalog(withDbSystem: false));

        var result = new GraphBuilder(resolver).Build(SeedRgd.Load());

        Assert.That(result.Outcome, Is.EqualTo(GraphBuildOutcome.WaitingForCrds));
        Assert.That(result.WaitingFor.Single(), Does.Contain("mysqlDbSystem").And.Contain("DbSystem"));
    }

    [Test]
    public void Build_SeedTemplateWithATypo_ReportsTheBuiltInField()
    {
        var rgd = SeedRgd.Load();
        rgd["spec"]!["resources"]![4]!["template"]!["spec"]!["ports"]![0]!["prot"] = 80;

        var result = new GraphBuilder(TestKinds.WithBuiltIns()).Build(rgd);

        Assert.That(result.Errors.Single().ToString(),
            Does.Contain("resource \"wordpressSvc\" at spec.ports[0].prot").And.Contain("schema not found for field prot"));
    }

    [Test]
    public void Render_SeedInstance_ResolvesNamesAndWaitsForClusterValues()
    {
        var instance = YamlToJson.Parse(File.ReadAllText(RepositoryPaths.InShared("fixtures/seed/osok_kro_demo.yaml")))!.AsObject();

        var result = InstanceRenderer.Render(Compile(), instance);

        var job = result.Resources.Single(r => r.Id == "initWordpressDb");
        Assert.That(job.State, Is.EqualTo(RenderState.Rendered), string.Join("; ", job.Waiting));
        var env = job.Object!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!;
        Assert.That(env[0]!["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>(), Is.EqualTo("osok-kro-demo-db"));
        Assert.That(env[1]!["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>(), Is.EqualTo("osok-kro-demo-mysql-admin"));
        var db = result.Resources.Single(r => r.Id == "mysqlDbSystem").Object!;
        Assert.That(db["spec"]!["dataStorageSizeInGBs"]!.GetValue<long>(), Is.EqualTo(50));
        Assert.That(result.Resources.Single(r => r.Id == "wordpressSvc").State, Is.EqualTo(RenderState.Pending));
        Assert.That(result.StatusWaiting.Single(), Does.StartWith("status.wordpressSvcIP"));
    }
}
