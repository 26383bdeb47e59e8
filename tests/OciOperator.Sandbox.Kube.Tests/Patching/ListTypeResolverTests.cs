using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

public sealed class ListTypeResolverTests
{
    private const string Schema = """
        {"type":"object","properties":{
          "spec":{"type":"object","properties":{
            "hosts":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
            "rules":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["host","port"],
                     "items":{"type":"object","properties":{
                       "host":{"type":"string"},
                       "paths":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["path"],"items":{"type":"object"}}}}},
            "args":{"type":"array","items":{"type":"string"}},
            "explicit":{"type":"array","x-kubernetes-list-type":"atomic","items":{"type":"string"}},
            "tags":{"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":{"type":"string"}},
            "byName":{"type":"object","additionalProperties":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}}}}}}
        """;

    private static readonly TestCaseData[] SchemaPaths =
    [
        new TestCaseData("spec.hosts", "Set", "").SetName("FromSchema_SetMarker_Set"),
        new TestCaseData("spec.rules", "Map", "host,port").SetName("FromSchema_MapMarker_MapWithKeys"),
        new TestCaseData("spec.rules.paths", "Map", "path").SetName("FromSchema_NestedInListItems_Found"),
        new TestCaseData("spec.args", "Atomic", "").SetName("FromSchema_NoMarker_Atomic"),
        new TestCaseData("spec.explicit", "Atomic", "").SetName("FromSchema_AtomicMarker_Atomic"),
        new TestCaseData("spec.tags", "AtomicObject", "").SetName("FromSchema_AtomicMapType_AtomicObject"),
        new TestCaseData("spec.byName.anything", "Set", "").SetName("FromSchema_UnderAdditionalProperties_Found"),
        new TestCaseData("spec.unknown", "Atomic", "").SetName("FromSchema_UnknownField_Atomic"),
        new TestCaseData("metadata.finalizers", "Set", "").SetName("FromSchema_ObjectMetaFinalizers_Set"),
        new TestCaseData("metadata.ownerReferences", "Map", "uid").SetName("FromSchema_ObjectMetaOwnerReferences_MapByUid"),
    ];

    private static readonly TestCaseData[] BuiltInPaths =
    [
        new TestCaseData("v1", "Pod", "spec.containers", "Map", "name").SetName("For_PodContainers_MapByName"),
        new TestCaseData("apps/v1", "Deployment", "spec.template.spec.containers.env", "Map", "name").SetName("For_DeploymentEnv_MapByName"),
        new TestCaseData("apps/v1", "StatefulSet", "spec.template.spec.initContainers.ports", "Map", "containerPort,protocol").SetName("For_InitContainerPorts_MapByPortAndProtocol"),
        new TestCaseData("batch/v1", "CronJob", "spec.jobTemplate.spec.template.spec.volumes", "Map", "name").SetName("For_CronJobVolumes_MapByName"),
        new TestCaseData("batch/v1", "Job", "spec.template.spec.tolerations", "Atomic", "").SetName("For_Tolerations_Atomic"),
        new TestCaseData("v1", "Service", "spec.ports", "Map", "port,protocol").SetName("For_ServicePorts_MapByPortAndProtocol"),
        new TestCaseData("v1", "Service", "spec.selector", "AtomicObject", "").SetName("For_ServiceSelector_AtomicObject"),
        new TestCaseData("apps/v1", "Deployment", "status.conditions", "Map", "type").SetName("For_BuiltInConditions_MapByType"),
        new TestCaseData("example.com/v1", "Widget", "status.conditions", "Atomic", "").SetName("For_CustomKindConditions_Atomic"),
        new TestCaseData("v1", "ConfigMap", "metadata.finalizers", "Set", "").SetName("For_Finalizers_Set"),
    ];

    [TestCaseSource(nameof(SchemaPaths))]
    public void FromSchema_Path_ResolvesMarker(string path, string expectedType, string expectedKeys)
    {
        var info = SchemaListTypes.FromSchema(JsonAssert.Obj(Schema))(path);

        Assert.That((info.Type.ToString(), string.Join(',', info.Keys)), Is.EqualTo((expectedType, expectedKeys)));
    }

    [TestCaseSource(nameof(BuiltInPaths))]
    public void For_BuiltInPath_ResolvesMergeKeys(string apiVersion, string kind, string path, string expectedType, string expectedKeys)
    {
        var info = BuiltInListTypes.For(apiVersion, kind)(path);

        Assert.That((info.Type.ToString(), string.Join(',', info.Keys)), Is.EqualTo((expectedType, expectedKeys)));
    }

    [Test]
    public void FromSchema_NullSchema_EverythingAtomicButObjectMeta()
    {
        var resolver = SchemaListTypes.FromSchema(null);

        Assert.That((resolver("spec.items").Type, resolver("metadata.finalizers").Type), Is.EqualTo((ListType.Atomic, ListType.Set)));
    }
}
