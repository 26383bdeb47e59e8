using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;
using static OciOperator.Sandbox.Kube.Tests.Patching.ApplyTestData;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

public sealed class ServerSideApplyTests
{
    [Test]
    public void Apply_NoLiveObject_CreatesWithApiserverManagedFieldsShape()
    {
        var config = Deployment("""{"replicas":2,"template":{"spec":{"containers":[{"name":"wordpress","image":"wordpress:6.5"}]}}}""");

        var result = ServerSideApply.Apply(null, config, "kubectl", force: false, T1, Deployments);

        JsonAssert.AreEqual(result.ManagedFields, """
            [{"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","time":"2025-01-01T12:00:05Z","fieldsType":"FieldsV1",
              "fieldsV1":{"f:metadata":{"f:labels":{"f:app":{}}},
                          "f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"wordpress\"}":{".":{},"f:image":{},"f:name":{}}}}}}}}]
            """);
        var expected = (JsonObject)config.DeepClone();
        expected["metadata"]!["managedFields"] = result.ManagedFields.DeepClone();
        JsonAssert.AreEqual(result.Object, expected.ToJsonString());
        Assert.That(result.ManagedFields[0]!.ToJsonString(), Does.StartWith("""{"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","time":"""));
    }

    [Test]
    public void Apply_SmallerConfigBySameManager_RemovesFieldsItNoLongerApplies()
    {
        var first = ServerSideApply.Apply(
            null, Deployment("""{"replicas":2,"paused":false}""", """{"app":"wp","tier":"web"}"""), "kubectl", false, T0, Deployments);

        var second = ServerSideApply.Apply(first.Object, Deployment("""{"replicas":2}"""), "kubectl", false, T1, Deployments);

        JsonAssert.AreEqual(second.Object["metadata"]!["labels"], """{"app":"wp"}""");
        JsonAssert.AreEqual(second.Object["spec"], """{"replicas":2}""");
        Assert.That(OwnedBy(second.ManagedFields, "kubectl"), Is.EqualTo(new[] { ".metadata.labels.app", ".spec.replicas" }));
    }

    [Test]
    public void Apply_SmallerConfigButFieldSharedWithOtherApplier_KeepsField()
    {
        var a = ServerSideApply.Apply(null, Deployment("""{"replicas":2}""", """{"app":"wp","tier":"web"}"""), "a", false, T0, Deployments);
        var b = ServerSideApply.Apply(a.Object, Deployment("{}", """{"tier":"web"}"""), "b", false, T0, Deployments);

        var result = ServerSideApply.Apply(b.Object, Deployment("""{"replicas":2}"""), "a", false, T1, Deployments);

        JsonAssert.AreEqual(result.Object["metadata"]!["labels"], """{"app":"wp","tier":"web"}""");
        Assert.That(OwnedBy(result.ManagedFields, "b"), Is.EqualTo(new[] { ".metadata.labels.tier" }));
        Assert.That(OwnedBy(result.ManagedFields, "a"), Is.EqualTo(new[] { ".metadata.labels.app", ".spec.replicas" }));
    }

    [Test]
    public void Apply_OtherApplierSetDifferentValue_Throws409NamingFieldAndManager()
    {
        var live = ServerSideApply.Apply(null, Deployment("""{"replicas":2}"""), "other-manager", false, T0, Deployments).Object;

        var error = Assert.Throws<PatchException>(() =>
            ServerSideApply.Apply(live, Deployment("""{"replicas":3}"""), "kubectl", false, T1, Deployments));

        Assert.That(error!.StatusCode, Is.EqualTo(409));
        Assert.That(error.Message, Is.EqualTo("Apply failed with 1 conflict: conflict with \"other-manager\": .spec.replicas"));
        JsonAssert.AreEqual(error.ToStatus(), """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
             "message":"Apply failed with 1 conflict: conflict with \"other-manager\": .spec.replicas","reason":"Conflict",
             "details":{"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"other-manager\"","field":".spec.replicas"}]},"code":409}
            """);
    }

    [Test]
    public void Apply_ForceOnConflict_TakesOwnershipFromOtherManager()
    {
        var live = ServerSideApply.Apply(null, Deployment("""{"replicas":2,"paused":false}"""), "other", false, T0, Deployments).Object;

        var result = ServerSideApply.Apply(live, Deployment("""{"replicas":3}"""), "kubectl", force: true, T1, Deployments);

        Assert.That(result.Object["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(OwnedBy(result.ManagedFields, "kubectl"), Is.EqualTo(new[] { ".metadata.labels.app", ".spec.replicas" }));
        Assert.That(OwnedBy(result.ManagedFields, "other"), Is.EqualTo(new[] { ".metadata.labels.app", ".spec.paused" }));
    }

    [Test]
    public void Apply_SameValueAsOtherManager_SharesOwnershipWithoutConflict()
    {
        var live = ServerSideApply.Apply(null, Deployment("""{"replicas":2}"""), "other", false, T0, Deployments).Object;

        var result = ServerSideApply.Apply(live, Deployment("""{"replicas":2}"""), "kubectl", false, T1, Deployments);

        Assert.That(OwnedBy(result.ManagedFields, "other"), Does.Contain(".spec.replicas"));
        Assert.That(OwnedBy(result.ManagedFields, "kubectl"), Does.Contain(".spec.replicas"));
    }

    [Test]
    public void Apply_FieldChangedByUpdateManager_ConflictNamesManagerAndApiVersion()
    {
        // kubectl apply --server-side, then kubectl edit changes replicas, then the same apply again.
        var applied = ServerSideApply.Apply(null, Deployment("""{"replicas":2}"""), "kubectl", false, T0, Deployments).Object;
        var edited = (JsonObject)applied.DeepClone();
        edited["spec"]!["replicas"] = 5;
        edited["metadata"]!["managedFields"] = ManagedFieldsTracker.RecordUpdate(applied, edited, "kubectl-edit", "Update", T1, "apps/v1", null);
        Assert.That(OwnedBy(edited["metadata"]!["managedFields"]!.AsArray(), "kubectl"), Is.EqualTo(new[] { ".metadata.labels.app" }));

        var error = Assert.Throws<PatchException>(() =>
            ServerSideApply.Apply(edited, Deployment("""{"replicas":2}"""), "kubectl", false, T1, Deployments));

        Assert.That(error!.Message, Is.EqualTo("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas"));
        Assert.That(error.Causes.Single().Message, Is.EqualTo("conflict with \"kubectl-edit\" using apps/v1"));
    }

    [Test]
    public void Apply_SeveralConflicts_ListsThemPerManager()
    {
        var live = ServerSideApply.Apply(null, Deployment("""{"replicas":2,"paused":false}"""), "a", false, T0, Deployments).Object;
        live = ServerSideApply.Apply(live, Deployment("""{"minReadySeconds":5}"""), "b", false, T0, Deployments).Object;

        var error = Assert.Throws<PatchException>(() => ServerSideApply.Apply(
            live, Deployment("""{"replicas":3,"paused":true,"minReadySeconds":1}"""), "c", false, T1, Deployments));

        Assert.That(error!.Message, Is.EqualTo(
            "Apply failed with 3 conflicts: conflicts with \"a\":\n- .spec.paused\n- .spec.replicas\nconflicts with \"b\":\n- .spec.minReadySeconds"));
        Assert.That(error.Causes.Select(c => c.Field), Is.EqualTo(new[] { ".spec.paused", ".spec.replicas", ".spec.minReadySeconds" }));
    }

    [Test]
    public void Apply_MapListItemsOfTwoManagers_MergeByKeyAndRemoveOnlyOwnItem()
    {
        var live = ServerSideApply.Apply(null, Deployment("""{"template":{"spec":{"containers":[{"name":"web","image":"w:1"}]}}}"""), "a", false, T0, Deployments).Object;
        live = ServerSideApply.Apply(live, Deployment("""{"template":{"spec":{"containers":[{"name":"sidecar","image":"s:1"}]}}}"""), "b", false, T0, Deployments).Object;
        JsonAssert.AreEqual(live["spec"], """{"template":{"spec":{"containers":[{"name":"web","image":"w:1"},{"name":"sidecar","image":"s:1"}]}}}""");

        var result = ServerSideApply.Apply(live, Deployment("""{"template":{"spec":{"containers":[]}}}"""), "b", false, T1, Deployments);

        JsonAssert.AreEqual(result.Object["spec"], """{"template":{"spec":{"containers":[{"name":"web","image":"w:1"}]}}}""");
    }

    [Test]
    public void Apply_ConflictInsideMapListItem_PathNamesItemKey()
    {
        var live = ServerSideApply.Apply(null, Deployment("""{"template":{"spec":{"containers":[{"name":"web","image":"w:1"}]}}}"""), "a", false, T0, Deployments).Object;

        var error = Assert.Throws<PatchException>(() => ServerSideApply.Apply(
            live, Deployment("""{"template":{"spec":{"containers":[{"name":"web","image":"w:2"}]}}}"""), "b", false, T1, Deployments));

        Assert.That(error!.Causes.Single().Field, Is.EqualTo(".spec.template.spec.containers[name=\"web\"].image"));
    }

    [Test]
    public void Apply_PortsWithoutProtocol_KeyedWithDefaultProtocol()
    {
        var config = Deployment("""{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80}]}]}}}""");

        var result = ServerSideApply.Apply(null, config, "kubectl", false, T0, Deployments);

        Assert.That(OwnedBy(result.ManagedFields, "kubectl"), Does.Contain(
            ".spec.template.spec.containers[name=\"web\"].ports[containerPort=80,protocol=\"TCP\"].containerPort"));
    }

    [Test]
    public void Apply_SetListOfTwoManagers_UnionAndRemovalByValue()
    {
        var resolver = BuiltInListTypes.For("v1", "ConfigMap");
        static JsonObject Cm(string finalizers) => JsonAssert.Obj($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","finalizers":{{{finalizers}}}}}""");
        var live = ServerSideApply.Apply(null, Cm("""["a.io/x"]"""), "a", false, T0, resolver).Object;
        live = ServerSideApply.Apply(live, Cm("""["b.io/y"]"""), "b", false, T0, resolver).Object;
        JsonAssert.AreEqual(live["metadata"]!["finalizers"], """["a.io/x","b.io/y"]""");

        var result = ServerSideApply.Apply(live, Cm("[]"), "a", false, T1, resolver);

        JsonAssert.AreEqual(result.Object["metadata"]!["finalizers"], """["b.io/y"]""");
        Assert.That(OwnedBy(result.ManagedFields, "b"), Is.EqualTo(new[] { ".metadata.finalizers[=\"b.io/y\"]" }));
    }

    [Test]
    public void Apply_CustomResourceListWithoutMarkers_IsAtomic()
    {
        var resolver = SchemaListTypes.FromSchema(JsonAssert.Obj("""{"type":"object","properties":{"spec":{"type":"object","properties":{"args":{"type":"array","items":{"type":"string"}}}}}}"""));
        static JsonObject Widget(string args) => JsonAssert.Obj($$$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"args":{{{args}}}}}""");
        var live = ServerSideApply.Apply(null, Widget("""["x","y"]"""), "a", false, T0, resolver).Object;

        var error = Assert.Throws<PatchException>(() => ServerSideApply.Apply(live, Widget("""["z"]"""), "b", false, T1, resolver));
        var forced = ServerSideApply.Apply(live, Widget("""["z"]"""), "b", true, T1, resolver);

        Assert.That(error!.Causes.Single().Field, Is.EqualTo(".spec.args"));
        JsonAssert.AreEqual(forced.Object["spec"], """{"args":["z"]}""");
        Assert.That(OwnedBy(forced.ManagedFields, "b"), Is.EqualTo(new[] { ".spec.args" }));
    }

    [Test]
    public void Apply_CustomResourceMapList_MergesByListMapKeys()
    {
        var resolver = SchemaListTypes.FromSchema(JsonAssert.Obj("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"rules":{"type":"array",
              "x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["host","port"],
              "items":{"type":"object","properties":{"host":{"type":"string"},"port":{"type":"integer"},"weight":{"type":"integer"}}}}}}}}
            """));
        static JsonObject Widget(string rules) => JsonAssert.Obj($$$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"rules":{{{rules}}}}}""");
        var live = ServerSideApply.Apply(null, Widget("""[{"host":"a","port":1,"weight":1}]"""), "a", false, T0, resolver).Object;

        var result = ServerSideApply.Apply(live, Widget("""[{"host":"a","port":2,"weight":5}]"""), "b", false, T1, resolver);

        JsonAssert.AreEqual(result.Object["spec"], """{"rules":[{"host":"a","port":1,"weight":1},{"host":"a","port":2,"weight":5}]}""");
        Assert.That(OwnedBy(result.ManagedFields, "b"), Does.Contain(".spec.rules[host=\"a\",port=2]"));
    }

    [Test]
    public void Apply_ServerOwnedMetadata_NeverOwned()
    {
        var live = JsonAssert.Obj("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default","uid":"u-1","resourceVersion":"7",
             "generation":1,"creationTimestamp":"2025-01-01T00:00:00Z","managedFields":[]},"data":{"a":"1"}}
            """);
        var config = JsonAssert.Obj("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default","labels":{"x":"y"}},"data":{"a":"1"}}""");

        var result = ServerSideApply.Apply(live, config, "kubectl", false, T1, BuiltInListTypes.For("v1", "ConfigMap"));

        Assert.That(OwnedBy(result.ManagedFields, "kubectl"), Is.EqualTo(new[] { ".data.a", ".metadata.labels.x" }));
        Assert.That(OwnedBy(result.ManagedFields, ServerSideApply.BeforeFirstApplyManager, "Update"), Is.EqualTo(new[] { ".data.a" }));
        Assert.That((string?)result.Object["metadata"]!["uid"], Is.EqualTo("u-1"));
    }

    [Test]
    public void Apply_LiveWithoutManagedFieldsDifferentValue_ConflictsWithBeforeFirstApply()
    {
        var live = JsonAssert.Obj("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1"}}""");
        var config = JsonAssert.Obj("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"2"}}""");

        var error = Assert.Throws<PatchException>(() => ServerSideApply.Apply(live, config, "kubectl", false, T1, BuiltInListTypes.For("v1", "ConfigMap")));

        Assert.That(error!.Message, Is.EqualTo("Apply failed with 1 conflict: conflict with \"before-first-apply\" using v1: .data.a"));
    }

    [Test]
    public void Apply_StatusSubresource_OwnsOnlyStatusAndRecordsSubresource()
    {
        var resolver = BuiltInListTypes.For("apps/v1", "Deployment");
        var live = ServerSideApply.Apply(null, Deployment("""{"replicas":2}"""), "kubectl", false, T0, resolver, hasStatusSubresource: true).Object;
        var config = Deployment("""{"replicas":9}""");
        config["status"] = JsonAssert.Parse("""{"readyReplicas":2}""");

        var result = ServerSideApply.Apply(live, config, "controller", false, T1, resolver, subresource: "status");

        Assert.That(result.Object["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(2));
        JsonAssert.AreEqual(result.Object["status"], """{"readyReplicas":2}""");
        var entry = result.ManagedFields.OfType<JsonObject>().Single(e => (string?)e["manager"] == "controller");
        Assert.That((string?)entry["subresource"], Is.EqualTo("status"));
        Assert.That(OwnedBy(result.ManagedFields, "controller"), Is.EqualTo(new[] { ".status.readyReplicas" }));
    }

    [Test]
    public void Apply_MainResourceWithStatusSubresource_IgnoresStatus()
    {
        var config = Deployment("""{"replicas":2}""");
        config["status"] = JsonAssert.Parse("""{"readyReplicas":2}""");

        var result = ServerSideApply.Apply(null, config, "kubectl", false, T0, Deployments, hasStatusSubresource: true);

        Assert.That(result.Object.ContainsKey("status"), Is.False);
        Assert.That(OwnedBy(result.ManagedFields, "kubectl"), Is.EqualTo(new[] { ".metadata.labels.app", ".spec.replicas" }));
    }

    [Test]
    public void Apply_ConfigCarriesManagedFields_Throws400()
    {
        var config = Deployment("{}");
        config["metadata"]!["managedFields"] = new JsonArray();

        var error = Assert.Throws<PatchException>(() => ServerSideApply.Apply(null, config, "kubectl", false, T0, Deployments));

        Assert.That(error!.StatusCode, Is.EqualTo(400));
        Assert.That(error.Message, Is.EqualTo("metadata.managedFields must be nil"));
    }

    [Test]
    public void Apply_EmptyFieldManager_Throws422()
    {
        var error = Assert.Throws<PatchException>(() => ServerSideApply.Apply(null, Deployment("{}"), "", false, T0, Deployments));

        Assert.That(error!.StatusCode, Is.EqualTo(422));
    }

    [Test]
    public void Apply_ReapplySameConfigLater_ObjectAndTimestampsUnchanged()
    {
        var config = Deployment("""{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"w"}]}}}""");
        var first = ServerSideApply.Apply(null, config, "kubectl", false, T0, Deployments);

        var second = ServerSideApply.Apply(first.Object, config, "kubectl", false, T1, Deployments);

        JsonAssert.AreEqual(second.Object, first.Object.ToJsonString());
    }

    [Test]
    public void Apply_ChangedConfigLater_UpdatesApplierTime()
    {
        var first = ServerSideApply.Apply(null, Deployment("""{"replicas":2}"""), "kubectl", false, T0, Deployments);

        var second = ServerSideApply.Apply(first.Object, Deployment("""{"replicas":3}"""), "kubectl", false, T1, Deployments);

        Assert.That((string?)second.ManagedFields[0]!["time"], Is.EqualTo("2025-01-01T12:00:05Z"));
        Assert.That((string?)first.ManagedFields[0]!["time"], Is.EqualTo("2025-01-01T12:00:00Z"));
    }

    [Test]
    public void Apply_DeploymentSelector_IsAtomicAndReplacedWhole()
    {
        var first = ServerSideApply.Apply(null, Deployment("""{"selector":{"matchLabels":{"app":"wp","tier":"web"}}}"""), "kubectl", false, T0, Deployments);

        var second = ServerSideApply.Apply(first.Object, Deployment("""{"selector":{"matchLabels":{"app":"wp"}}}"""), "kubectl", false, T1, Deployments);

        Assert.That(OwnedBy(first.ManagedFields, "kubectl"), Is.EqualTo(new[] { ".metadata.labels.app", ".spec.selector" }));
        JsonAssert.AreEqual(second.Object["spec"], """{"selector":{"matchLabels":{"app":"wp"}}}""");
    }

    [Test]
    public void Apply_SchemaAtomicMap_OtherManagersDifferentMapConflicts()
    {
        var resolver = SchemaListTypes.FromSchema(JsonAssert.Obj("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "tags":{"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":{"type":"string"}}}}}}
            """));
        static JsonObject Widget(string tags) => JsonAssert.Obj($$$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"tags":{{{tags}}}}}""");
        var live = ServerSideApply.Apply(null, Widget("""{"a":"1"}"""), "a", false, T0, resolver).Object;

        var error = Assert.Throws<PatchException>(() => ServerSideApply.Apply(live, Widget("""{"b":"2"}"""), "b", false, T1, resolver));

        Assert.That(error!.Causes.Single().Field, Is.EqualTo(".spec.tags"));
    }

    [Test]
    public void Apply_ManagedFieldsOrder_ApplyEntriesFirstThenByTime()
    {
        var live = Deployment("""{"replicas":2}""");
        live["metadata"]!["managedFields"] = ManagedFieldsTracker.RecordUpdate(null, live, "kubectl-create", "Update", T0, "apps/v1", null);

        var result = ServerSideApply.Apply(live, Deployment("""{"paused":true}"""), "kubectl", false, T1, Deployments);

        Assert.That(Managers(result.ManagedFields), Is.EqualTo(new[] { "kubectl/Apply", "kubectl-create/Update" }));
    }
}
