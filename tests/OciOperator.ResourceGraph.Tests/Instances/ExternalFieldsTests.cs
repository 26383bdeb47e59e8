using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.Instances;

/// <summary>Which external fields are left out of an apply, from the live object's managedFields.</summary>
public sealed class ExternalFieldsTests
{
    private const string Desired = "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {replicas: 3, selector: {matchLabels: {app: web}}, paused: false}}";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("[{manager: kro.run/applyset, operation: Apply, fieldsV1: {f:spec: {f:replicas: {}}}}]", "spec.replicas", Desired)
            .SetName("Omit_OnlyKroOwnsTheField_Applied");
        yield return new TestCaseData("[{manager: kube-controller-manager, operation: Update, subresource: scale, fieldsV1: {f:spec: {f:replicas: {}}}}]", "spec.replicas",
            "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {selector: {matchLabels: {app: web}}, paused: false}}")
            .SetName("Omit_HpaOwnsReplicas_LeftOut");
        yield return new TestCaseData("[{manager: rollouts, operation: Update, fieldsV1: {f:spec: {f:selector: {f:matchLabels: {f:app: {}}}}}}]", "spec.selector",
            "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {replicas: 3, paused: false}}")
            .SetName("Omit_AnotherManagerOwnsBelowTheField_LeftOutWhole");
        yield return new TestCaseData("[{manager: someone, operation: Update, fieldsV1: {f:spec: {f:paused: {}}}}]", "spec.replicas", Desired)
            .SetName("Omit_AnotherManagerOwnsAnotherField_Applied");
    }

    [TestCaseSource(nameof(Cases))]
    public void Omit_Table(string managedFields, string path, string expected)
    {
        var node = Node(path);
        var desired = JsonNode.Parse(JsonText.Of(Desired))!.AsObject();
        var current = new JsonObject { ["metadata"] = new JsonObject { ["managedFields"] = JsonNode.Parse(JsonText.Of(managedFields)) } };

        var result = ExternalFields.Omit(node, desired, current, NullLogger.Instance);

        Assert.That(JsonText.Canonical(result), Is.EqualTo(JsonText.Of(expected)));
        Assert.That(JsonText.Canonical(desired), Is.EqualTo(JsonText.Of(Desired)), "the desired object is not modified");
    }

    [Test]
    public void Omit_NoLiveObject_EverythingApplied()
    {
        var desired = JsonNode.Parse(JsonText.Of(Desired))!.AsObject();

        Assert.That(ExternalFields.Omit(Node("spec.replicas"), desired, null, NullLogger.Instance), Is.SameAs(desired));
    }

    private static CompiledNode Node(string path) => new()
    {
        Id = "app",
        Index = 0,
        Kind = NodeKind.Template,
        Gvk = new GroupVersionKind("apps", "v1", "Deployment"),
        Namespaced = true,
        Template = [],
        ExternalFields = [new FieldPath([.. path.Split('.').Select(k => new FieldPathSegment(k, -1))])],
    };
}
