using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;
using static OciOperator.Sandbox.Kube.Tests.Patching.ApplyTestData;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

public sealed class ManagedFieldsTrackerTests
{
    private static JsonObject WithManagedFields(JsonObject obj, JsonArray managedFields)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy["metadata"]!["managedFields"] = managedFields.DeepClone();
        return copy;
    }

    [Test]
    public void RecordUpdate_Create_WriterOwnsEveryTrackedField()
    {
        var created = JsonAssert.Obj("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default","uid":"u","resourceVersion":"3",
             "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}},"data":{"a":"1"}}
            """);

        var managedFields = ManagedFieldsTracker.RecordUpdate(null, created, "kubectl-client-side-apply", "Update", T1, "v1", null);

        JsonAssert.AreEqual(managedFields, """
            [{"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"v1","time":"2025-01-01T12:00:05Z","fieldsType":"FieldsV1",
              "fieldsV1":{"f:data":{"f:a":{}},"f:metadata":{"f:annotations":{"f:kubectl.kubernetes.io/last-applied-configuration":{}}}}}]
            """);
    }

    [Test]
    public void RecordUpdate_OtherManagerChangesField_TakesItFromPreviousOwner()
    {
        var v1 = Deployment("""{"replicas":2,"paused":false}""");
        v1 = WithManagedFields(v1, ManagedFieldsTracker.RecordUpdate(null, v1, "kubectl-create", "Update", T0, "apps/v1", null));
        var v2 = (JsonObject)v1.DeepClone();
        v2["spec"]!["replicas"] = 4;

        var managedFields = ManagedFieldsTracker.RecordUpdate(v1, v2, "hpa", "Update", T1, "apps/v1", null);

        Assert.That(OwnedBy(managedFields, "hpa", "Update"), Is.EqualTo(new[] { ".spec.replicas" }));
        Assert.That(OwnedBy(managedFields, "kubectl-create", "Update"), Is.EqualTo(new[] { ".metadata.labels.app", ".spec.paused" }));
    }

    [Test]
    public void RecordUpdate_FieldRemoved_LeavesEveryManagersSet()
    {
        var v1 = Deployment("""{"replicas":2,"paused":false}""");
        v1 = WithManagedFields(v1, ManagedFieldsTracker.RecordUpdate(null, v1, "a", "Update", T0, "apps/v1", null));
        var v2 = (JsonObject)v1.DeepClone();
        ((JsonObject)v2["spec"]!).Remove("paused");

        var managedFields = ManagedFieldsTracker.RecordUpdate(v1, v2, "b", "Update", T1, "apps/v1", null);

        Assert.That(OwnedBy(managedFields, "a", "Update"), Is.EqualTo(new[] { ".metadata.labels.app", ".spec.replicas" }));
        Assert.That(Managers(managedFields), Is.EqualTo(new[] { "a/Update" }));
    }

    [Test]
    public void RecordUpdate_NoChange_KeepsListAndTimeIdentical()
    {
        var v1 = Deployment("""{"replicas":2}""");
        var original = ManagedFieldsTracker.RecordUpdate(null, v1, "a", "Update", T0, "apps/v1", null);
        v1 = WithManagedFields(v1, original);

        var managedFields = ManagedFieldsTracker.RecordUpdate(v1, (JsonObject)v1.DeepClone(), "a", "Update", T1, "apps/v1", null);

        JsonAssert.AreEqual(managedFields, original.ToJsonString());
    }

    [Test]
    public void RecordUpdate_SameManagerDifferentApiVersion_SeparateEntries()
    {
        var v1 = Deployment("""{"replicas":2}""");
        v1 = WithManagedFields(v1, ManagedFieldsTracker.RecordUpdate(null, v1, "m", "Update", T0, "apps/v1", null));
        var v2 = (JsonObject)v1.DeepClone();
        v2["spec"]!["paused"] = true;

        var managedFields = ManagedFieldsTracker.RecordUpdate(v1, v2, "m", "Update", T1, "apps/v1beta2", null);

        Assert.That(managedFields.Select(e => (string?)e!["apiVersion"]), Is.EqualTo(new[] { "apps/v1", "apps/v1beta2" }));
    }

    [Test]
    public void RecordUpdate_StatusSubresource_RecordsSubresource()
    {
        var v1 = Deployment("""{"replicas":2}""");
        var v2 = (JsonObject)v1.DeepClone();
        v2["status"] = JsonAssert.Parse("""{"readyReplicas":2}""");

        var managedFields = ManagedFieldsTracker.RecordUpdate(v1, v2, "kube-controller-manager", "Update", T1, "apps/v1", "status");

        JsonAssert.AreEqual(managedFields, """
            [{"manager":"kube-controller-manager","operation":"Update","apiVersion":"apps/v1","time":"2025-01-01T12:00:05Z","fieldsType":"FieldsV1",
              "fieldsV1":{"f:status":{"f:readyReplicas":{}}},"subresource":"status"}]
            """);
    }

    [Test]
    public void RecordUpdate_RequestCarriesEmptyEntry_ResetsTracking()
    {
        var v1 = Deployment("""{"replicas":2}""");
        v1 = WithManagedFields(v1, ManagedFieldsTracker.RecordUpdate(null, v1, "a", "Update", T0, "apps/v1", null));
        var v2 = WithManagedFields(v1, JsonAssert.Parse("[{}]")!.AsArray());
        v2["spec"]!["paused"] = true;

        var managedFields = ManagedFieldsTracker.RecordUpdate(v1, v2, "b", "Update", T1, "apps/v1", null);

        Assert.That(Managers(managedFields), Is.EqualTo(new[] { "b/Update" }));
        Assert.That(OwnedBy(managedFields, "b", "Update"), Is.EqualTo(new[] { ".spec.paused" }));
    }

    [Test]
    public void RecordUpdate_RequestCarriesNoManagedFields_KeepsStoredEntries()
    {
        var v1 = Deployment("""{"replicas":2}""");
        v1 = WithManagedFields(v1, ManagedFieldsTracker.RecordUpdate(null, v1, "a", "Update", T0, "apps/v1", null));
        var v2 = (JsonObject)v1.DeepClone();
        ((JsonObject)v2["metadata"]!).Remove("managedFields");
        v2["spec"]!["paused"] = true;

        var managedFields = ManagedFieldsTracker.RecordUpdate(v1, v2, "b", "Update", T1, "apps/v1", null);

        Assert.That(Managers(managedFields), Is.EqualTo(new[] { "a/Update", "b/Update" }));
    }

    [Test]
    public void RecordUpdate_AddContainerToMapList_OwnsItemAndItsFields()
    {
        var v1 = Deployment("""{"template":{"spec":{"containers":[{"name":"web","image":"w"}]}}}""");
        var v2 = Deployment("""{"template":{"spec":{"containers":[{"name":"web","image":"w"},{"name":"proxy","image":"p"}]}}}""");

        var managedFields = ManagedFieldsTracker.RecordUpdate(v1, v2, "injector", "Update", T1, "apps/v1", null);

        Assert.That(OwnedBy(managedFields, "injector", "Update"), Is.EqualTo(new[]
        {
            ".spec.template.spec.containers[name=\"proxy\"]",
            ".spec.template.spec.containers[name=\"proxy\"].image",
            ".spec.template.spec.containers[name=\"proxy\"].name",
        }));
    }
}
