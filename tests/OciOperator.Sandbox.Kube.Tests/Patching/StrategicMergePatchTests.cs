using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

public sealed class StrategicMergePatchTests
{
    internal static readonly TestCaseData[] MergeKeyCases =
    [
        new TestCaseData(
                "apps/v1", "Deployment",
                """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}}}}""",
                """{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"b:2"}]}}}}""",
                """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:2"}]}}}}""")
            .SetName("Apply_DeploymentContainers_MergeByName"),
        new TestCaseData(
                "batch/v1", "Job",
                """{"spec":{"template":{"spec":{"initContainers":[{"name":"init","image":"i:1"}]}}}}""",
                """{"spec":{"template":{"spec":{"initContainers":[{"name":"init2","image":"i:2"}]}}}}""",
                """{"spec":{"template":{"spec":{"initContainers":[{"name":"init2","image":"i:2"},{"name":"init","image":"i:1"}]}}}}""")
            .SetName("Apply_JobInitContainers_MergeByName"),
        new TestCaseData(
                "v1", "Pod",
                """{"spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"name":"http"}]}]}}""",
                """{"spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"name":"web"},{"containerPort":443}]}]}}""",
                """{"spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"name":"web"},{"containerPort":443}]}]}}""")
            .SetName("Apply_ContainerPorts_MergeByContainerPort"),
        new TestCaseData(
                "apps/v1", "Deployment",
                """{"spec":{"template":{"spec":{"containers":[{"name":"c","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}}}""",
                """{"spec":{"template":{"spec":{"containers":[{"name":"c","env":[{"name":"B","value":"3"}]}]}}}}""",
                """{"spec":{"template":{"spec":{"containers":[{"name":"c","env":[{"name":"A","value":"1"},{"name":"B","value":"3"}]}]}}}}""")
            .SetName("Apply_Env_MergeByName"),
        new TestCaseData(
                "apps/v1", "Deployment",
                """{"spec":{"template":{"spec":{"containers":[{"name":"c","volumeMounts":[{"mountPath":"/a","name":"v1"}]}]}}}}""",
                """{"spec":{"template":{"spec":{"containers":[{"name":"c","volumeMounts":[{"mountPath":"/a","name":"v2"},{"mountPath":"/b","name":"v3"}]}]}}}}""",
                """{"spec":{"template":{"spec":{"containers":[{"name":"c","volumeMounts":[{"mountPath":"/a","name":"v2"},{"mountPath":"/b","name":"v3"}]}]}}}}""")
            .SetName("Apply_VolumeMounts_MergeByMountPath"),
        new TestCaseData(
                "apps/v1", "Deployment",
                """{"spec":{"template":{"spec":{"volumes":[{"name":"data","emptyDir":{}}],"imagePullSecrets":[{"name":"r1"}]}}}}""",
                """{"spec":{"template":{"spec":{"volumes":[{"name":"cfg","configMap":{"name":"x"}}],"imagePullSecrets":[{"name":"r2"}]}}}}""",
                """{"spec":{"template":{"spec":{"volumes":[{"name":"cfg","configMap":{"name":"x"}},{"name":"data","emptyDir":{}}],"imagePullSecrets":[{"name":"r2"},{"name":"r1"}]}}}}""")
            .SetName("Apply_VolumesAndImagePullSecrets_MergeByName"),
        new TestCaseData(
                "apps/v1", "Deployment",
                """{"spec":{"template":{"spec":{"tolerations":[{"key":"a","operator":"Exists"}],"containers":[{"name":"c","args":["x","y"]}]}}}}""",
                """{"spec":{"template":{"spec":{"tolerations":[{"key":"b","operator":"Exists"}],"containers":[{"name":"c","args":["z"]}]}}}}""",
                """{"spec":{"template":{"spec":{"tolerations":[{"key":"b","operator":"Exists"}],"containers":[{"name":"c","args":["z"]}]}}}}""")
            .SetName("Apply_TolerationsAndArgs_Replaced"),
        new TestCaseData(
                "v1", "Service",
                """{"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443,"targetPort":8443}]}}""",
                """{"spec":{"ports":[{"port":80,"targetPort":9090}]}}""",
                """{"spec":{"ports":[{"port":80,"targetPort":9090},{"port":443,"targetPort":8443}]}}""")
            .SetName("Apply_ServicePorts_MergeByPort"),
        new TestCaseData(
                "v1", "ConfigMap",
                """{"metadata":{"ownerReferences":[{"uid":"u1","name":"a","kind":"K","apiVersion":"v1"}],"finalizers":["x"]}}""",
                """{"metadata":{"ownerReferences":[{"uid":"u1","name":"renamed"},{"uid":"u2","name":"b","kind":"K","apiVersion":"v1"}],"finalizers":["y","x"]}}""",
                """{"metadata":{"ownerReferences":[{"uid":"u1","name":"renamed","kind":"K","apiVersion":"v1"},{"uid":"u2","name":"b","kind":"K","apiVersion":"v1"}],"finalizers":["y","x"]}}""")
            .SetName("Apply_OwnerReferencesByUidAndFinalizersAsSet_Merge"),
        new TestCaseData(
                "apps/v1", "Deployment",
                """{"status":{"conditions":[{"type":"Available","status":"False"},{"type":"Progressing","status":"True"}]}}""",
                """{"status":{"conditions":[{"type":"Available","status":"True"}]}}""",
                """{"status":{"conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"True"}]}}""")
            .SetName("Apply_StatusConditions_MergeByType"),
        new TestCaseData(
                "v1", "Secret",
                """{"data":{"a":"YQ==","b":"Yg=="},"type":"Opaque"}""",
                """{"data":{"a":null,"c":"Yw=="}}""",
                """{"data":{"b":"Yg==","c":"Yw=="},"type":"Opaque"}""")
            .SetName("Apply_SecretData_MapMergeAndNullDeletes"),
        new TestCaseData(
                "example.com/v1", "Widget",
                """{"spec":{"items":[{"name":"a"},{"name":"b"}]}}""",
                """{"spec":{"items":[{"name":"c"}]}}""",
                """{"spec":{"items":[{"name":"c"}]}}""")
            .SetName("Apply_UnknownKindList_Replaced"),
    ];

    internal static readonly TestCaseData[] DirectiveCases =
    [
        new TestCaseData(
                """{"spec":{"selector":{"a":"1","b":"2"}}}""",
                """{"spec":{"selector":{"$patch":"replace","c":"3"}}}""",
                """{"spec":{"selector":{"c":"3"}}}""")
            .SetName("Apply_PatchReplaceOnMap_ReplacesMap"),
        new TestCaseData(
                """{"spec":{"selector":{"a":"1"},"type":"ClusterIP"}}""",
                """{"spec":{"selector":{"$patch":"delete"}}}""",
                """{"spec":{"selector":{},"type":"ClusterIP"}}""")
            .SetName("Apply_PatchDeleteOnMap_EmptiesMap"),
        new TestCaseData(
                """{"spec":{"ports":[{"port":80},{"port":81}]}}""",
                """{"spec":{"ports":[{"$patch":"delete","port":81}]}}""",
                """{"spec":{"ports":[{"port":80}]}}""")
            .SetName("Apply_PatchDeleteListElement_RemovesItem"),
        new TestCaseData(
                """{"spec":{"ports":[{"port":80},{"port":81}]}}""",
                """{"spec":{"ports":[{"port":90},{"$patch":"replace"}]}}""",
                """{"spec":{"ports":[{"port":90}]}}""")
            .SetName("Apply_PatchReplaceListElement_ReplacesList"),
        new TestCaseData(
                """{"spec":{"ports":[{"port":80},{"port":81},{"port":82}]}}""",
                """{"spec":{"ports":[{"port":82,"name":"c"},{"port":81,"name":"b"}]}}""",
                """{"spec":{"ports":[{"port":80},{"port":82,"name":"c"},{"port":81,"name":"b"}]}}""")
            .SetName("Apply_NoSetElementOrder_PatchListOrdersNamedItems"),
        new TestCaseData(
                """{"spec":{"ports":[{"port":80},{"port":81},{"port":82}]}}""",
                """{"spec":{"ports":[{"port":90},{"port":80,"name":"a"}]}}""",
                """{"spec":{"ports":[{"port":90},{"port":80,"name":"a"},{"port":81},{"port":82}]}}""")
            .SetName("Apply_NoSetElementOrder_NewItemBeforeServerOnlyItems"),
        new TestCaseData(
                """{"metadata":{"finalizers":["a","b","c"]}}""",
                """{"metadata":{"$deleteFromPrimitiveList/finalizers":["b","zzz"]}}""",
                """{"metadata":{"finalizers":["a","c"]}}""")
            .SetName("Apply_DeleteFromPrimitiveList_RemovesValues"),
        new TestCaseData(
                """{"metadata":{"finalizers":["a","b"]}}""",
                """{"metadata":{"$setElementOrder/finalizers":["c","b","a"],"finalizers":["c"]}}""",
                """{"metadata":{"finalizers":["c","b","a"]}}""")
            .SetName("Apply_SetElementOrderOnPrimitiveList_Reorders"),
        new TestCaseData(
                """{"spec":{"template":{"spec":{"volumes":[{"name":"v","emptyDir":{}}]}}}}""",
                """{"spec":{"template":{"spec":{"volumes":[{"$retainKeys":["configMap","name"],"name":"v","configMap":{"name":"cm"}}]}}}}""",
                """{"spec":{"template":{"spec":{"volumes":[{"name":"v","configMap":{"name":"cm"}}]}}}}""")
            .SetName("Apply_RetainKeys_ClearsOtherUnionMembers"),
        new TestCaseData(
                """{"spec":{"template":{"spec":{"volumes":[{"name":"v","emptyDir":{}}]}}}}""",
                """{"spec":{"template":{"spec":{"volumes":[{"$retainKeys":["configMap","name"],"name":"v","configMap":{"name":"cm"},"emptyDir":null}]}}}}""",
                """{"spec":{"template":{"spec":{"volumes":[{"name":"v","configMap":{"name":"cm"}}]}}}}""")
            .SetName("Apply_RetainKeysWithNullForDroppedMember_Accepted"),
        new TestCaseData(
                """{"spec":{"template":{"spec":{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}}}}""",
                """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"}]}}}}""",
                """{"spec":{"template":{"spec":{"containers":[{"name":"b"},{"name":"c"},{"name":"a"}]}}}}""")
            .SetName("Apply_SetElementOrderWithoutList_ReordersNamedItemsInterleavesServerOnly"),
        new TestCaseData(
                """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"s"},{"name":"web","image":"w:1"}]}}}}""",
                """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"new"},{"name":"web"}],"containers":[{"name":"new","image":"n"}]}}}}""",
                """{"spec":{"template":{"spec":{"containers":[{"name":"new","image":"n"},{"name":"sidecar","image":"s"},{"name":"web","image":"w:1"}]}}}}""")
            .SetName("Apply_SetElementOrderWithNewItem_InsertsInOrder"),
        new TestCaseData(
                """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a"}]}}}}""",
                """{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"b","env":[{"name":"X","value":"1"},{"$patch":"delete","name":"Y"}]}]}}}}""",
                """{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"b","env":[{"name":"X","value":"1"}]},{"name":"a","image":"a"}]}}}}""")
            .SetName("Apply_NewItemWithDirectives_DirectivesStripped"), // apimachinery copies them and typed decoding drops them
        new TestCaseData(
                """{"metadata":{"finalizers":["f1","f2","f3"]}}""",
                """{"metadata":{"finalizers":["f0","f2"]}}""",
                """{"metadata":{"finalizers":["f0","f1","f2","f3"]}}""")
            .SetName("Apply_PrimitiveSetMerge_InterleavesByLivePosition"),
    ];

    private static readonly TestCaseData[] BadPatches =
    [
        new TestCaseData("""{"spec":{"ports":[{"targetPort":1}]}}""").SetName("Apply_ItemWithoutMergeKey_Throws400"),
        new TestCaseData("""{"spec":{"$patch":"explode"}}""").SetName("Apply_UnknownPatchDirective_Throws400"),
        new TestCaseData("""{"spec":{"$patch":"merge"}}""").SetName("Apply_PatchMergeOnMap_Throws400"),
        new TestCaseData("""{"spec":{"ports":[{"port":80,"$patch":"merge"}]}}""").SetName("Apply_PatchMergeInList_Throws400"),
        new TestCaseData("""{"spec":{"$setElementOrder/ports":[{"port":80},{"port":81}],"ports":[{"port":81},{"port":80}]}}""")
            .SetName("Apply_PatchListOrderContradictsSetElementOrder_Throws400"),
        new TestCaseData("""{"spec":{"$frobnicate":1}}""").SetName("Apply_UnknownDollarKey_Throws400"),
        new TestCaseData("""{"spec":{"$retainKeys":["a"],"b":1}}""").SetName("Apply_KeyOutsideRetainKeys_Throws400"),
        new TestCaseData("""{"metadata":{"$deleteFromPrimitiveList/finalizers":"a"}}""").SetName("Apply_DeleteFromPrimitiveListNotList_Throws400"),
        new TestCaseData("""["not","a","map"]""").SetName("Apply_PatchNotObject_Throws400"),
    ];

    [TestCaseSource(nameof(MergeKeyCases))]
    public void Apply_BuiltInMergeKeys_MergesLikeApiserver(string apiVersion, string kind, string target, string patch, string expected)
    {
        var result = StrategicMergePatch.Apply(JsonAssert.Parse(target)!, JsonAssert.Parse(patch)!, apiVersion, kind);

        JsonAssert.AreEqual(result, expected);
    }

    [TestCaseSource(nameof(DirectiveCases))]
    public void Apply_Directive_HonoursDirective(string target, string patch, string expected)
    {
        var kind = target.Contains("template", StringComparison.Ordinal) ? "Deployment" : "Service";
        var apiVersion = kind == "Deployment" ? "apps/v1" : "v1";

        var result = StrategicMergePatch.Apply(JsonAssert.Parse(target)!, JsonAssert.Parse(patch)!, apiVersion, kind);

        JsonAssert.AreEqual(result, expected);
    }

    [TestCaseSource(nameof(BadPatches))]
    public void Apply_MalformedPatch_Throws400(string patch)
    {
        var target = JsonAssert.Obj("""{"spec":{"ports":[{"port":80}]}}""");

        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(target, JsonAssert.Parse(patch)!, "v1", "Service"));

        Assert.That(error!.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public void Apply_KubectlClientSideApplyPatch_ChangesImageDropsSidecarEnvAndLabel()
    {
        // What kubectl 1.32 sends after the manifest drops a label, an env var and a sidecar and bumps the image.
        var live = JsonAssert.Obj("""
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"wp","namespace":"default","labels":{"app":"wp","tier":"web"},
                         "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{old}","deployment.kubernetes.io/revision":"1"}},
             "spec":{"replicas":2,"template":{"metadata":{"labels":{"app":"wp"}},
               "spec":{"containers":[
                 {"name":"wordpress","image":"wordpress:6.4","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"ports":[{"containerPort":80,"protocol":"TCP"}]},
                 {"name":"sidecar","image":"busybox"}]}}},
             "status":{"replicas":2}}
            """);
        var patch = JsonAssert.Parse("""
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{new}"},"labels":{"tier":null}},
             "spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"wordpress"}],
               "containers":[{"$setElementOrder/env":[{"name":"A"}],"env":[{"$patch":"delete","name":"B"}],"image":"wordpress:6.5","name":"wordpress"},
                             {"$patch":"delete","name":"sidecar"}]}}}}
            """)!;

        var result = StrategicMergePatch.Apply(live, patch, "apps/v1", "Deployment");

        JsonAssert.AreEqual(result, """
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"wp","namespace":"default","labels":{"app":"wp"},
                         "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{new}","deployment.kubernetes.io/revision":"1"}},
             "spec":{"replicas":2,"template":{"metadata":{"labels":{"app":"wp"}},
               "spec":{"containers":[
                 {"name":"wordpress","image":"wordpress:6.5","env":[{"name":"A","value":"1"}],"ports":[{"containerPort":80,"protocol":"TCP"}]}]}}},
             "status":{"replicas":2}}
            """);
    }

    [Test]
    public void Apply_KubectlServicePatchWithSetElementOrder_ReordersAndUpdatesPorts()
    {
        var live = JsonAssert.Obj("""{"spec":{"type":"ClusterIP","clusterIP":"10.0.0.5","ports":[{"name":"http","port":80,"protocol":"TCP","targetPort":80},{"name":"old","port":81,"protocol":"TCP","targetPort":81}]}}""");
        var patch = JsonAssert.Parse("""{"spec":{"$setElementOrder/ports":[{"port":443},{"port":80}],"ports":[{"name":"https","port":443,"targetPort":8443},{"port":80,"targetPort":8080},{"$patch":"delete","port":81}]}}""")!;

        var result = StrategicMergePatch.Apply(live, patch, "v1", "Service");

        JsonAssert.AreEqual(result, """{"spec":{"type":"ClusterIP","clusterIP":"10.0.0.5","ports":[{"name":"https","port":443,"targetPort":8443},{"name":"http","port":80,"protocol":"TCP","targetPort":8080}]}}""");
    }

    [Test]
    public void Apply_TopLevelPatchDelete_GivesEmptyObject()
    {
        var result = StrategicMergePatch.Apply(JsonAssert.Obj("""{"a":1}"""), JsonAssert.Obj("""{"$patch":"delete"}"""), "v1", "ConfigMap");

        JsonAssert.AreEqual(result, "{}");
    }

    [Test]
    public void Apply_AnyPatch_LeavesInputsUntouched()
    {
        const string Target = """{"metadata":{"finalizers":["a"]},"spec":{"ports":[{"port":80}]}}""";
        const string Patch = """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]},"spec":{"ports":[{"$patch":"delete","port":80}]}}""";
        var target = JsonAssert.Obj(Target);
        var patch = JsonAssert.Obj(Patch);

        StrategicMergePatch.Apply(target, patch, "v1", "Service");

        JsonAssert.AreEqual(target, Target);
        JsonAssert.AreEqual(patch, Patch);
    }

    [Test]
    public void Apply_SchemaResolverWithMapList_MergesCustomResourceListByKey()
    {
        var resolver = SchemaListTypes.FromSchema(JsonAssert.Obj("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "items":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["id"],
                       "items":{"type":"object","properties":{"id":{"type":"string"},"v":{"type":"integer"}}}}}}}}
            """));

        var result = StrategicMergePatch.Apply(
            JsonAssert.Obj("""{"spec":{"items":[{"id":"a","v":1},{"id":"b","v":2}]}}"""),
            JsonAssert.Obj("""{"spec":{"items":[{"id":"b","v":3}]}}"""),
            resolver);

        JsonAssert.AreEqual(result, """{"spec":{"items":[{"id":"a","v":1},{"id":"b","v":3}]}}""");
    }
}
