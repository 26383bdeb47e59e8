using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Crd;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.ResourceGraph.Tests.Crd;

/// <summary>A.4 §H: who may update an instance CRD, and which schema changes are breaking.</summary>
public sealed class CrdOwnershipTests
{
    private static JsonObject Crd(string labels) =>
        YamlToJson.Parse($"apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: apps.kro.run\n  labels: {labels}\n")!.AsObject();

    private static IEnumerable<TestCaseData> Owners()
    {
        yield return new TestCaseData("{}", "failed to update CRD apps.kro.run: CRD already exists and is not owned by KRO").SetName("no labels");
        yield return new TestCaseData("{kro.run/owned: 'false'}", "failed to update CRD apps.kro.run: CRD already exists and is not owned by KRO").SetName("owned false");
        yield return new TestCaseData("{kro.run/owned: 'true', kro.run/resource-graph-definition-name: other}",
            "failed to update CRD apps.kro.run: CRD is owned by another ResourceGraphDefinition other").SetName("other RGD");
        yield return new TestCaseData("{kro.run/owned: 'true', kro.run/resource-graph-definition-name: mine, kro.run/resource-graph-definition-id: old-uid}", null)
            .SetName("same name, other uid: adopted");
        yield return new TestCaseData("{kro.run/owned: 'true'}", null).SetName("owned without a name");
    }

    [TestCaseSource(nameof(Owners))]
    public void Check_ExistingCrd_AllowsOnlyItsOwner(string labels, string? message) =>
        Assert.That(CrdOwnership.Check(Crd(labels), "mine"), Is.EqualTo(message));

    private static JsonObject Instance(string spec) =>
        InstanceCrdBuilder.Build(RgdSchemaReader.Read(YamlToJson.Parse($"apiVersion: v1alpha1\nkind: App\nspec:\n{RgdText.Indent(spec, 2)}")), "mine", "uid", "0.1.0");

    private static IEnumerable<TestCaseData> Changes()
    {
        yield return new TestCaseData("a: string\nb: string", "a: string", "PROPERTY_REMOVED .spec.b").SetName("property removed");
        yield return new TestCaseData("a: string", "a: integer", "TYPE_CHANGED .spec.a").SetName("type changed");
        yield return new TestCaseData("a: string", "a: string | required=true", "REQUIRED_ADDED .spec.a").SetName("required added");
        yield return new TestCaseData("a: string | enum=\"x,y\"", "a: string | enum=\"x\"", "ENUM_RESTRICTED .spec.a").SetName("enum restricted");
        yield return new TestCaseData("a: string", "a: string | enum=\"x\"", "ENUM_RESTRICTED .spec.a").SetName("enum added");
        yield return new TestCaseData("a: string | pattern=\"^a\"", "a: string | pattern=\"^b\"", "PATTERN_CHANGED .spec.a").SetName("pattern changed");
        yield return new TestCaseData("a: string", "a: string | pattern=\"^b\"", "PATTERN_ADDED .spec.a").SetName("pattern added");
        yield return new TestCaseData("a: integer | minimum=1", "a: integer | minimum=2", "MINIMUM_TIGHTENED .spec.a").SetName("minimum raised");
        yield return new TestCaseData("a: integer | maximum=9", "a: integer | maximum=5", "MAXIMUM_TIGHTENED .spec.a").SetName("maximum lowered");
        yield return new TestCaseData("a: '[]string'", "a: '[]string | maxItems=3'", "ITEMS_TIGHTENED .spec.a").SetName("maxItems added");
        yield return new TestCaseData("a: '[]string'", "a: '[]integer'", "TYPE_CHANGED .spec.a[]").SetName("item type changed");
    }

    [TestCaseSource(nameof(Changes))]
    public void Compare_BreakingChange_IsRefusedWithKroMessage(string before, string after, string change)
    {
        var changes = CrdCompatibility.Compare(Instance(before), Instance(after));

        var message = CrdCompatibility.BreakingMessage("apps.kro.run", changes);
        Assert.That(message, Does.StartWith("cannot update CRD apps.kro.run: breaking changes detected: "));
        Assert.That(message, Does.Contain(change));
    }

    [TestCase("a: string", "a: string\nb: integer")]
    [TestCase("a: string | enum=\"x\"", "a: string | enum=\"x,y\"")]
    [TestCase("a: integer | minimum=2", "a: integer | minimum=1")]
    [TestCase("a: string | required=true", "a: string")]
    [TestCase("a: string", "a: string | description=\"more words\"")]
    public void Compare_CompatibleChange_IsNotBreaking(string before, string after) =>
        Assert.That(CrdCompatibility.BreakingMessage("apps.kro.run", CrdCompatibility.Compare(Instance(before), Instance(after))), Is.Null);

    [Test]
    public void Compare_VersionRemoved_IsBreaking()
    {
        var before = Instance("a: string");
        var after = Instance("a: string");
        after["spec"]!["versions"]![0]!["name"] = "v2";

        Assert.That(CrdCompatibility.BreakingMessage("apps.kro.run", CrdCompatibility.Compare(before, after)), Does.Contain("VERSION_REMOVED v1alpha1"));
    }
}
