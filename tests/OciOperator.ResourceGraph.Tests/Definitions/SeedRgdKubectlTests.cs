using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Definitions;

namespace OciOperator.ResourceGraph.Tests.Definitions;

/// <summary>The seed RGD applied with the real kubectl to a running RGD controller (issue 14 acceptance).</summary>
[NonParallelizable]
public sealed class SeedRgdKubectlTests
{
    private RgdEngine _engine = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl (.ci/run installs it).");
        }

        _engine = await RgdEngine.StartAsync();
        await _engine.InstallDbSystemCrdAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    [Test]
    public async Task Apply_SeedRgd_ActiveTrueWithKroColumnsAndTypedCrd()
    {
        var applied = await _engine.Kubectl.RunAsync("apply", "-f", RepositoryPaths.SeedFixture("osok_kro_demo_rgd.yaml"));
        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());

        var status = await _engine.WaitForRgdAsync("osok-kro-demo", RgdEngine.IsActive, "Active/True");
        var table = await _engine.Kubectl.RunAsync("get", "rgd", "osok-kro-demo");
        Assert.That(table.ExitCode, Is.Zero, table.ToString());
        Assert.That(table.Stdout, Does.Match(@"^NAME\s+APIVERSION\s+KIND\s+STATE\s+READY\s+AGE\s*\n"), table.ToString());
        Assert.That(table.Stdout, Does.Match(@"\nosok-kro-demo\s+v1alpha1\s+OsokKroDemoApp\s+Active\s+True\s+\S+"), table.ToString());
        Assert.That(status["topologicalOrder"]!.AsArray().Select(n => n!.GetValue<string>()),
            Is.EqualTo(new[] { "mysqlAdminSecret", "mysqlDbSystem", "initWordpressDb", "wordpressDeployment", "wordpressSvc" }));
        Assert.That(RgdEngine.ConditionMessage(status, RgdConditions.KindReady), Is.EqualTo("kind OsokKroDemoApp has been accepted and ready"));

        var crd = (await _engine.GetCrdAsync("osokkrodemoapps.kro.run"))!.ToJsonObject();
        var schema = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!;
        Assert.That(schema["spec"]!["properties"]!["mysqlAdminUsername"]!["default"]!.GetValue<string>(), Is.EqualTo("dbadmin"));
        Assert.That(schema["spec"]!["properties"]!["mysqlStorageSizeInGBs"]!["default"]!.GetValue<long>(), Is.EqualTo(50));
        Assert.That(schema["status"]!["properties"]!["wordpressSvcIP"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(crd["metadata"]!["labels"]!["kro.run/resource-graph-definition-name"]!.GetValue<string>(), Is.EqualTo("osok-kro-demo"));
    }
}
