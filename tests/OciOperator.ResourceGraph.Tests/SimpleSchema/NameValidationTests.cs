using OciOperator.ResourceGraph.SimpleSchema;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.SimpleSchema;

/// <summary><c>schema.metadata.nameValidation</c>: marker-only SimpleSchema compiled to the schema of <c>metadata.name</c>.</summary>
[TestFixture]
public sealed class NameValidationTests
{
    private static IEnumerable<TestCaseData> Valid()
    {
        yield return new TestCaseData("maxLength=30", "{type: string, maxLength: 30}").SetName("MaxLength");
        yield return new TestCaseData("minLength=3 maxLength=30 pattern=\"^[a-z][a-z0-9-]*$\"",
            "{type: string, minLength: 3, maxLength: 30, pattern: \"^[a-z][a-z0-9-]*$\"}").SetName("LengthsAndPattern");
        yield return new TestCaseData("enum=\"prod,staging\"", "{type: string, enum: [prod, staging]}").SetName("Enum");
        yield return new TestCaseData("validation=\"!self.startsWith('kube-')\"",
            "{type: string, x-kubernetes-validations: [{rule: \"!self.startsWith('kube-')\", message: validation failed}]}").SetName("CelValidation");
    }

    private static IEnumerable<TestCaseData> Invalid()
    {
        yield return new TestCaseData("string | maxLength=30", "takes markers only").SetName("TypeDeclaration");
        yield return new TestCaseData("required=true", "marker required is not supported in nameValidation").SetName("Required");
        yield return new TestCaseData("default=\"a\"", "marker default is not supported in nameValidation").SetName("Default");
        yield return new TestCaseData("minimum=1", "marker minimum is not supported in nameValidation").SetName("Minimum");
        yield return new TestCaseData("maxLength=abc", "failed to parse maxLength value").SetName("MaxLengthNotANumber");
        yield return new TestCaseData("pattern=\"[\"", "pattern").SetName("BadPattern");
        yield return new TestCaseData("minLength=10 maxLength=5", "minLength 10 is greater than maxLength 5").SetName("MinAboveMax");
        yield return new TestCaseData("minLength=300", "exceeds the maximum length of a Kubernetes name (253)").SetName("MinLengthBeyondKubernetes");
        yield return new TestCaseData("color=red", "unknown marker: color").SetName("UnknownMarker");
        yield return new TestCaseData("validation=\"self.size( > 1\"", "nameValidation validation rule \"self.size( > 1\" does not compile").SetName("CelRuleNotCompiling");
        yield return new TestCaseData("validation=\"self.size()\"", "must evaluate to a bool, got int").SetName("CelRuleNotBool");
    }

    [TestCaseSource(nameof(Valid))]
    public void Compile_ValidMarkers_SchemaOfMetadataName(string markers, string expected) =>
        Assert.That(JsonText.Canonical(NameValidation.Compile(markers)), Is.EqualTo(JsonText.Of(expected)));

    [TestCaseSource(nameof(Invalid))]
    public void Compile_InvalidMarkers_Refused(string markers, string message)
    {
        var error = Assert.Throws<SimpleSchemaException>(() => NameValidation.Compile(markers));

        Assert.That(error!.Reason, Does.Contain(message));
    }
}
