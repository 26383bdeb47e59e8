using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.Instances;

/// <summary>kro v0.10's label-safe identity values: verbatim up to 63 characters, <c>h-</c> + 40 hex of SHA-256 beyond.</summary>
public sealed class ManagedLabelsTests
{
    private static IEnumerable<TestCaseData> Values()
    {
        yield return new TestCaseData("web", "web").SetName("LabelValue_Short_Verbatim");
        yield return new TestCaseData(new string('a', 63), new string('a', 63)).SetName("LabelValue_Exactly63_Verbatim");
        // Expected values computed independently: "h-" + sha256(value).hexdigest()[:40] (Python hashlib).
        yield return new TestCaseData(new string('a', 64), "h-ffe054fe7ae0cb6dc65c3af9b61d5209f439851d").SetName("LabelValue_64_Hashed");
        yield return new TestCaseData("tenant-" + new string('x', 60), "h-c857262d598cb983bc3d9c6e6a7f4b04213b3794").SetName("LabelValue_67_Hashed");
    }

    [TestCaseSource(nameof(Values))]
    public void LabelValue_Table(string value, string expected)
    {
        var label = ManagedLabels.LabelValue(value);

        Assert.That(label, Is.EqualTo(expected));
        Assert.That(label, Has.Length.LessThanOrEqualTo(63));
    }

    [Test]
    public void Stamp_LongNameAndGroup_HashedLabelsAndFullAnnotations()
    {
        var name = "tenant-" + new string('x', 60);
        var group = new string('g', 60) + ".example.com";
        var labels = new JsonObject();
        var annotations = new JsonObject();

        ManagedLabels.Stamp(labels, annotations, "deployment", name, group);

        Assert.That(JsonText.Canonical(labels), Is.EqualTo(JsonText.Canonical(new JsonObject
        {
            ["kro.run/node-id"] = "deployment",
            ["kro.run/instance-name"] = ManagedLabels.LabelValue(name),
            ["kro.run/instance-group"] = ManagedLabels.LabelValue(group),
        })));
        Assert.That(JsonText.Canonical(annotations), Is.EqualTo(JsonText.Canonical(new JsonObject
        {
            ["internal.kro.run/node-path"] = "deployment",
            ["internal.kro.run/instance-name"] = name,
            ["internal.kro.run/instance-group"] = group,
        })));
    }

    [Test]
    public void Stamp_ShortValues_NoFullValueAnnotations()
    {
        var labels = new JsonObject();
        var annotations = new JsonObject();

        ManagedLabels.Stamp(labels, annotations, "svc", "demo", "kro.run");

        Assert.That(annotations.Select(a => a.Key), Is.EqualTo(new[] { "internal.kro.run/node-path" }));
        Assert.That(labels["kro.run/instance-name"]!.GetValue<string>(), Is.EqualTo("demo"));
    }

    [Test]
    public void Resolve_HashedLabelWithMatchingAnnotation_FullValue()
    {
        var name = "tenant-" + new string('x', 60);
        var labels = new Dictionary<string, string> { ["kro.run/instance-name"] = ManagedLabels.LabelValue(name) };
        var annotations = new Dictionary<string, string> { ["internal.kro.run/instance-name"] = name };

        Assert.That(ManagedLabels.Resolve(labels, annotations, "kro.run/instance-name", "internal.kro.run/instance-name"), Is.EqualTo(name));
    }

    [Test]
    public void Resolve_HashedLabelWithForeignAnnotation_KeepsLabel()
    {
        var labels = new Dictionary<string, string> { ["kro.run/instance-name"] = ManagedLabels.LabelValue(new string('a', 64)) };
        var annotations = new Dictionary<string, string> { ["internal.kro.run/instance-name"] = "someone-else" };

        Assert.That(ManagedLabels.Resolve(labels, annotations, "kro.run/instance-name", "internal.kro.run/instance-name"), Is.EqualTo(labels["kro.run/instance-name"]));
    }
}
