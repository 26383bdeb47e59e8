using System.Text.Json.Nodes;
using OciOperator.Commands;
using OciOperator.Sandbox.Kube.Serialization;
using OciOperator.Yaml;

namespace OciOperator.Tests.Commands;

public sealed class RgdRenderToolTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "rgd-render-" + Guid.NewGuid().ToString("N"));
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

    private (int Code, string Output, string Error) Run(string rgd, string instance, string format = "yaml")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = RgdRenderTool.Run(File("rgd.yaml", rgd), File("instance.yaml", instance), format, [File("crd.yaml", RgdCommandFiles.WidgetCrd)], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void Run_Yaml_PrintsCrdAndObjectsThatParseBack()
    {
        var (code, output, error) = Run(RgdCommandFiles.ValidRgd, RgdCommandFiles.Instance);

        Assert.That(code, Is.EqualTo(0), error);
        var documents = YamlDocuments.Parse(output);
        Assert.That(documents, Has.Count.EqualTo(4), output);
        Assert.That(documents[0]["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("widgetapps.kro.run"));
        var back = documents[1];
        Assert.That(back["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("demo-back"));
        Assert.That(back["spec"]!["script"]!.GetValue<string>(), Is.EqualTo("echo one\necho two"));
        var front = documents[2];
        Assert.That(front["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("hello"));
        Assert.That(front["spec"]!["replicas"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(front["spec"]!["script"]!.GetValue<string>(), Is.EqualTo("${back.status.address}"));
        Assert.That(output, Does.Contain("# resource front: rendered; some fields wait on cluster values"));
        Assert.That(output, Does.Contain("#   waits: spec.script: ${back.status.address} waits on a cluster value"));
    }

    [Test]
    public void Run_Json_PrintsAListAndNotesOnStandardError()
    {
        var (code, output, error) = Run(RgdCommandFiles.ValidRgd, RgdCommandFiles.Instance, "json");

        Assert.That(code, Is.EqualTo(0), error);
        var list = JsonNode.Parse(output)!;
        Assert.That(list["kind"]!.GetValue<string>(), Is.EqualTo("List"));
        Assert.That(list["items"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(error, Does.Contain("resource front: rendered; some fields wait on cluster values"));
        Assert.That(error, Does.Contain("status waits: status.address"));
    }

    [Test]
    public void Run_InstanceMissingRequiredField_ExitsOne()
    {
        var (code, _, error) = Run(RgdCommandFiles.ValidRgd, "apiVersion: kro.run/v1alpha1\nkind: WidgetApp\nmetadata: {name: demo}\nspec: {}\n");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("spec.name: Required value"));
    }

    [Test]
    public void Run_InvalidRgd_ExitsOneWithErrors()
    {
        var (code, _, error) = Run(RgdCommandFiles.BadRgd, RgdCommandFiles.Instance);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("references unknown identifiers: [ghost]"));
    }

    [Test]
    public void Run_UnknownFormat_ExitsTwo() =>
        Assert.That(Run(RgdCommandFiles.ValidRgd, RgdCommandFiles.Instance, "xml").Code, Is.EqualTo(2));
}
