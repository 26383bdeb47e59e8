using OciOperator.Commands;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

public sealed class RgdValidateToolTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "rgd-validate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Run(string[] files, string[] crds)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = RgdValidateTool.Run(files, crds, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void Run_ValidRgdWithCrdFile_PrintsTopologicalOrderAndExitsZero()
    {
        var (code, output, error) = Run([File("rgd.yaml", RgdCommandFiles.ValidRgd)], [File("crd.yaml", RgdCommandFiles.WidgetCrd)]);

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(output, Does.Contain("ResourceGraphDefinition widget-app is valid: kind WidgetApp (kro.run/v1alpha1), 2 resources"));
        Assert.That(output, Does.Contain("topological order: back, front"));
    }

    [Test]
    public void Run_CrdInTheSameFile_IsUsed()
    {
        var (code, output, _) = Run([File("all.yaml", RgdCommandFiles.WidgetCrd + "\n---\n" + RgdCommandFiles.ValidRgd)], []);

        Assert.That(code, Is.EqualTo(0), output);
    }

    [Test]
    public void Run_BadRgd_PrintsEveryErrorWithResourceAndPathAndExitsOne()
    {
        var (code, output, _) = Run([File("bad.yaml", RgdCommandFiles.BadRgd)], [File("crd.yaml", RgdCommandFiles.WidgetCrd)]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("ResourceGraphDefinition broken is invalid (2 errors):"));
        Assert.That(output, Does.Contain("resource \"first\" at spec.replicas: type mismatch in resource \"first\" at path \"spec.replicas\""));
        Assert.That(output, Does.Contain("resource \"second\" at spec.name: references unknown identifiers: [ghost]"));
    }

    [Test]
    public void Run_MissingCrd_ExplainsHowToProvideIt()
    {
        var (code, output, _) = Run([File("rgd.yaml", RgdCommandFiles.ValidRgd)], []);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("cannot be checked offline").And.Contain("--crd FILE").And.Contain("kind Widget in group test.kro.dev"));
    }

    [Test]
    public void Run_SeveralFiles_ExitsOneIfAnyIsInvalid()
    {
        var crd = File("crd.yaml", RgdCommandFiles.WidgetCrd);
        var (code, output, _) = Run([File("good.yaml", RgdCommandFiles.ValidRgd), File("bad.yaml", RgdCommandFiles.BadRgd)], [crd]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("widget-app is valid").And.Contain("broken is invalid"));
    }

    [Test]
    public void Run_UnreadableInput_ExitsTwo()
    {
        var (code, _, error) = Run([Path.Combine(_dir, "missing.yaml")], []);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("missing.yaml"));
    }

    [Test]
    public void Run_BadCrdFile_ExitsTwo()
    {
        var (code, _, error) = Run([File("rgd.yaml", RgdCommandFiles.ValidRgd)], [File("notcrd.yaml", "apiVersion: v1\nkind: ConfigMap\n")]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("not a CustomResourceDefinition"));
    }

    [Test]
    public void Run_SeedRgd_IsValidAgainstBuiltInsAndDbSystem()
    {
        var (code, output, error) = Run([Path.Combine(RepositoryPaths.Shared, "fixtures/seed/osok_kro_demo_rgd.yaml")], []);

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(output, Does.Contain("topological order: mysqlAdminSecret, mysqlDbSystem, initWordpressDb, wordpressDeployment, wordpressSvc"));
    }

    [Test]
    public async Task RgdValidate_AsProcess_SeedExitsZero()
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "oci-operator.dll"), "rgd", "validate", Path.Combine(RepositoryPaths.Shared, "fixtures/seed/osok_kro_demo_rgd.yaml")],
            TimeSpan.FromSeconds(60));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);
        Assert.That(result.StandardOutput, Does.Contain("osok-kro-demo is valid"));
    }

    [Test]
    public async Task RgdValidate_AsProcess_BadRgdExitsOne()
    {
        var crd = File("crd.yaml", RgdCommandFiles.WidgetCrd);
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "oci-operator.dll"), "rgd", "validate", File("bad.yaml", RgdCommandFiles.BadRgd), "--crd", crd],
            TimeSpan.FromSeconds(60));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardError);
        Assert.That(result.StandardOutput, Does.Contain("resource \"second\" at spec.name: references unknown identifiers: [ghost]"));
    }
}
