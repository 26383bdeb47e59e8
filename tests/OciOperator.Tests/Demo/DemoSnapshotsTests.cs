using System.Text.Json.Nodes;
using k8s.Models;
using OciOperator.Demo;
using OciOperator.Mysql.Api;
using OciOperator.Runtime.Client;

namespace OciOperator.Tests.Demo;

public sealed class DemoSnapshotsTests
{
    private static IEnumerable<TestCaseData> Objects()
    {
        yield return Case("Job_NoStatus_Created", DemoSnapshots.Of(new V1Job { Metadata = Meta("j") }), DemoPhase.Created, string.Empty);
        yield return Case("Job_Active_Running", DemoSnapshots.Of(new V1Job { Metadata = Meta("j"), Status = new V1JobStatus { Active = 1 } }), DemoPhase.Progressing, "running");
        yield return Case("Job_Succeeded_Ready", DemoSnapshots.Of(new V1Job { Metadata = Meta("j"), Status = new V1JobStatus { Succeeded = 1 } }), DemoPhase.Ready, "succeeded");
        yield return Case(
            "Job_FailedCondition_Failed",
            DemoSnapshots.Of(new V1Job { Metadata = Meta("j"), Status = new V1JobStatus { Conditions = [new V1JobCondition { Type = "Failed", Status = "True", Message = "BackoffLimitExceeded" }] } }),
            DemoPhase.Failed,
            "failed");
        yield return Case(
            "Deployment_Available_Ready",
            DemoSnapshots.Of(new V1Deployment { Metadata = Meta("d"), Spec = new V1DeploymentSpec { Replicas = 1 }, Status = new V1DeploymentStatus { AvailableReplicas = 1 } }),
            DemoPhase.Ready,
            "available 1/1");
        yield return Case("Deployment_NoneAvailable_Created", DemoSnapshots.Of(new V1Deployment { Metadata = Meta("d"), Status = new V1DeploymentStatus() }), DemoPhase.Created, string.Empty);
        yield return Case("Service_LoadBalancerWithoutIngress_Created", DemoSnapshots.Of(new V1Service { Metadata = Meta("s"), Spec = new V1ServiceSpec { Type = "LoadBalancer" } }), DemoPhase.Created, string.Empty);
        yield return Case(
            "Service_LoadBalancerIngress_ReadyWithIp",
            DemoSnapshots.Of(new V1Service { Metadata = Meta("s"), Spec = new V1ServiceSpec { Type = "LoadBalancer" }, Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "203.0.113.9" }] } } }),
            DemoPhase.Ready,
            "LoadBalancer IP 203.0.113.9");
        yield return Case("DbSystem_NoStatus_Created", DemoSnapshots.Of(new DbSystem { Metadata = Meta("db") }), DemoPhase.Created, string.Empty);
        yield return Case("DbSystem_Creating_Progressing", DemoSnapshots.Of(new DbSystem { Metadata = Meta("db"), Status = new DbSystemStatus { LifecycleState = "CREATING" } }), DemoPhase.Progressing, "CREATING");
        yield return Case("DbSystem_Active_Ready", DemoSnapshots.Of(new DbSystem { Metadata = Meta("db"), Status = new DbSystemStatus { LifecycleState = "ACTIVE", IpAddress = "10.0.0.3" } }), DemoPhase.Ready, "ACTIVE");
        yield return Case(
            "DbSystem_FailedCondition_FailedWithMessage",
            DemoSnapshots.Of(new DbSystem { Metadata = Meta("db"), Status = new DbSystemStatus { Status = new OsokStatus { Message = "NotAuthorizedOrNotFound", Conditions = [new OsokCondition { Type = DbSystemConditionType.Failed, Status = "True" }] } } }),
            DemoPhase.Failed,
            DbSystemConditionType.Failed);
        yield return Case("Rgd_NoStatus_Created", DemoSnapshots.OfRgd(Unstructured("ResourceGraphDefinition", "r", null)), DemoPhase.Created, string.Empty);
        yield return Case("Rgd_Active_Ready", DemoSnapshots.OfRgd(Unstructured("ResourceGraphDefinition", "r", new JsonObject { ["state"] = "Active" })), DemoPhase.Ready, "Active");
        yield return Case("Rgd_Inactive_Failed", DemoSnapshots.OfRgd(Unstructured("ResourceGraphDefinition", "r", InactiveStatus())), DemoPhase.Failed, "Inactive");
        yield return Case("Rgd_InactiveWhileItsCrdIsEstablished_Waiting", DemoSnapshots.OfRgd(Unstructured("ResourceGraphDefinition", "r", WaitingStatus())), DemoPhase.Progressing, "waiting");
        yield return Case("Instance_InProgress_Progressing", DemoSnapshots.OfInstance(Unstructured("OsokKroDemoApp", "i", new JsonObject { ["state"] = "IN_PROGRESS" })), DemoPhase.Progressing, "IN_PROGRESS");
        yield return Case("Instance_Active_Ready", DemoSnapshots.OfInstance(Unstructured("OsokKroDemoApp", "i", new JsonObject { ["state"] = "ACTIVE" })), DemoPhase.Ready, "ACTIVE");
        yield return Case("Instance_Error_Failed", DemoSnapshots.OfInstance(Unstructured("OsokKroDemoApp", "i", new JsonObject { ["state"] = "ERROR" })), DemoPhase.Failed, "ERROR");
    }

    [TestCaseSource(nameof(Objects))]
    public void Of_ObjectStatus_MapsToPhaseAndState(object snapshot, object phase, string state)
    {
        var read = (DemoSnapshot)snapshot;
        Assert.That((read.Phase, read.State), Is.EqualTo(((DemoPhase)phase, state)));
    }

    [Test]
    public void OfRgd_Inactive_CarriesTheMessageOfTheConditionThatIsNotTrue()
    {
        var snapshot = DemoSnapshots.OfRgd(Unstructured("ResourceGraphDefinition", "r", InactiveStatus()));

        Assert.That(snapshot.Message, Is.EqualTo("resource mysqlDbSystem: unknown field spec.nope"));
    }

    [Test]
    public void WordPressAddress_StatusProjected_IsReturned()
    {
        var instance = Unstructured("OsokKroDemoApp", "i", new JsonObject { ["state"] = "ACTIVE", ["wordpressSvcIP"] = "203.0.113.4" });

        Assert.That(DemoSnapshots.WordPressAddress(instance), Is.EqualTo("203.0.113.4"));
        Assert.That(DemoSnapshots.WordPressAddress(Unstructured("OsokKroDemoApp", "i", new JsonObject { ["state"] = "IN_PROGRESS" })), Is.Null);
    }

    private static TestCaseData Case(string name, DemoSnapshot snapshot, DemoPhase phase, string state) =>
        new TestCaseData(snapshot, phase, state).SetName("Of_" + name);

    private static V1ObjectMeta Meta(string name) => new() { Name = name, NamespaceProperty = "demo" };

    private static JsonObject InactiveStatus() => new()
    {
        ["state"] = "Inactive",
        ["conditions"] = new JsonArray(
            new JsonObject { ["type"] = "KindReady", ["status"] = "True", ["message"] = "fine" },
            new JsonObject { ["type"] = "GraphAccepted", ["status"] = "False", ["reason"] = "InvalidResourceGraph", ["message"] = "resource mysqlDbSystem: unknown field spec.nope" }),
    };

    private static JsonObject WaitingStatus() => new()
    {
        ["state"] = "Inactive",
        ["conditions"] = new JsonArray(
            new JsonObject { ["type"] = "GraphAccepted", ["status"] = "True", ["reason"] = "Valid" },
            new JsonObject { ["type"] = "KindReady", ["status"] = "False", ["reason"] = "NotEstablished", ["message"] = "waiting for CRD x to become Established" },
            new JsonObject { ["type"] = "Ready", ["status"] = "False", ["reason"] = "NotEstablished", ["message"] = "waiting for CRD x to become Established" }),
    };

    private static UnstructuredObject Unstructured(string kind, string name, JsonObject? status)
    {
        var content = new JsonObject
        {
            ["apiVersion"] = "kro.run/v1alpha1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "demo" },
        };
        if (status is not null)
        {
            content["status"] = status;
        }

        return new UnstructuredObject(content);
    }
}
