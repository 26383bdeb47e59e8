using OciOperator.Sandbox.Serialization;

namespace OciOperator.Sandbox.Tests.Serialization;

public sealed class YamlToJsonTests
{
    [TestCase("a: 1\nb: true\nc: null\nd: '1'\ne: 1.5", """{"a":1,"b":true,"c":null,"d":"1","e":1.5}""")]
    [TestCase("- x\n- 2", """["x",2]""")]
    public void Parse_Document_FollowsCoreSchemaScalars(string yaml, string json)
    {
        Assert.That(YamlToJson.Parse(yaml)!.ToJsonString(), Is.EqualTo(json));
    }

    [TestCase("a: [1, 2\nb: }", TestName = "Parse_UnclosedFlowSequence_ThrowsFormatException")]
    [TestCase("a: 1\na: 2", TestName = "Parse_DuplicateKey_ThrowsFormatException")]
    [TestCase("a: 1\n---\nb: 2", TestName = "Parse_TwoDocuments_ThrowsFormatException")]
    [TestCase("a: b: c", TestName = "Parse_MappingInPlainScalar_ThrowsFormatException")]
    public void Parse_MalformedYaml_ThrowsFormatException(string yaml)
    {
        Assert.That(() => YamlToJson.Parse(yaml), Throws.TypeOf<FormatException>());
    }
}
