using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.Sandbox.Kube.Tests.Serialization;

public sealed class YamlToJsonTests
{
    [TestCase("a: 1\nb: true\nc: null\nd: '1'\ne: 1.5", """{"a":1,"b":true,"c":null,"d":"1","e":1.5}""")]
    [TestCase("- x\n- 2", """["x",2]""")]
    [TestCase("a: -7", """{"a":-7}""")]
    [TestCase("a: False", """{"a":false}""")]
    [TestCase("a: ~", """{"a":null}""")]
    [TestCase("a:", """{"a":null}""")]
    [TestCase("a: 'true'", """{"a":"true"}""")]
    [TestCase("a: v1alpha1", """{"a":"v1alpha1"}""")]
    [TestCase("a: string | default=1", """{"a":"string | default=1"}""")]
    [TestCase("a: [1, x]", """{"a":[1,"x"]}""")]
    [TestCase("a:\n  b: c", """{"a":{"b":"c"}}""")]
    [TestCase("a: 1e3", """{"a":1000}""")]
    [TestCase("a: yes", """{"a":"yes"}""")]
    public void Parse_Document_FollowsCoreSchemaScalars(string yaml, string json)
    {
        Assert.That(YamlToJson.Parse(yaml)!.ToJsonString(), Is.EqualTo(json));
    }

    [TestCase("a: [1, 2\nb: }", TestName = "Parse_UnclosedFlowSequence_ThrowsFormatException")]
    [TestCase("a: [1, 2\nb: 3", TestName = "Parse_UnclosedFlowSequenceBeforeAKey_ThrowsFormatException")]
    [TestCase("a: 1\na: 2", TestName = "Parse_DuplicateKey_ThrowsFormatException")]
    [TestCase("a: 1\n---\nb: 2", TestName = "Parse_TwoDocuments_ThrowsFormatException")]
    [TestCase("a: b: c", TestName = "Parse_MappingInPlainScalar_ThrowsFormatException")]
    public void Parse_MalformedYaml_ThrowsFormatException(string yaml)
    {
        Assert.That(() => YamlToJson.Parse(yaml), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Parse_EmptyDocument_Null()
    {
        Assert.That(YamlToJson.Parse(""), Is.Null);
    }
}
