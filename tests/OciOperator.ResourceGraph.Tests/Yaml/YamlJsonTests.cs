using OciOperator.ResourceGraph.Yaml;

namespace OciOperator.ResourceGraph.Tests.Yaml;

[TestFixture]
public sealed class YamlJsonTests
{
    [TestCase("a: 1", "{\"a\":1}")]
    [TestCase("a: -7", "{\"a\":-7}")]
    [TestCase("a: 1.5", "{\"a\":1.5}")]
    [TestCase("a: true", "{\"a\":true}")]
    [TestCase("a: False", "{\"a\":false}")]
    [TestCase("a: ~", "{\"a\":null}")]
    [TestCase("a:", "{\"a\":null}")]
    [TestCase("a: \"1\"", "{\"a\":\"1\"}")]
    [TestCase("a: 'true'", "{\"a\":\"true\"}")]
    [TestCase("a: v1alpha1", "{\"a\":\"v1alpha1\"}")]
    [TestCase("a: string | default=1", "{\"a\":\"string | default=1\"}")]
    [TestCase("a: [1, x]", "{\"a\":[1,\"x\"]}")]
    [TestCase("a:\n  b: c", "{\"a\":{\"b\":\"c\"}}")]
    [TestCase("a: 1e3", "{\"a\":1000}")]
    [TestCase("a: yes", "{\"a\":\"yes\"}")]
    public void Parse_Yaml_JsonWithCoreSchemaScalars(string yaml, string json)
    {
        Assert.That(YamlJson.Parse(yaml)!.ToJsonString(), Is.EqualTo(json));
    }

    [Test]
    public void Parse_EmptyDocument_Null()
    {
        Assert.That(YamlJson.Parse(""), Is.Null);
    }

    [Test]
    public void Parse_InvalidYaml_FormatExceptionWithLine()
    {
        var error = Assert.Throws<FormatException>(() => YamlJson.Parse("a: b: c"));

        Assert.That(error!.Message, Does.StartWith("invalid YAML at line 1"));
    }

    [Test]
    public void Parse_UnclosedFlowSequence_FormatException()
    {
        // YamlDotNet reports this one with an InvalidOperationException; it must still read as bad input.
        var error = Assert.Throws<FormatException>(() => YamlJson.Parse("a: [1, 2\nb: 3"));

        Assert.That(error!.Message, Does.StartWith("invalid YAML"));
    }
}
