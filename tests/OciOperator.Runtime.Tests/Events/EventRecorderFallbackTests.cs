using System.Net;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Tests.Events;

/// <summary>A cluster that does not serve events.k8s.io/v1 (mocked at the API boundary): Events go to core/v1.</summary>
public sealed class EventRecorderFallbackTests
{
    private static readonly V1ConfigMap Regarding = new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = "app", NamespaceProperty = "demo", Uid = "uid-1" },
    };

    [Test]
    public async Task RecordAsync_EventsV1NotServed_WritesCoreV1EventWithInvolvedObjectAndKeepsUsingIt()
    {
        var written = new List<(ResourceType Type, UnstructuredObject Body)>();
        var api = new Mock<IKubeApi>(MockBehavior.Strict);
        api.Setup(a => a.CreateAsync(It.IsAny<ResourceType>(), It.IsAny<UnstructuredObject>(), It.IsAny<CancellationToken>()))
            .Returns((ResourceType type, UnstructuredObject body, CancellationToken _) =>
            {
                written.Add((type, body));
                return type.Group == "events.k8s.io"
                    ? throw new KubeApiException(HttpStatusCode.NotFound, new V1Status { Code = 404, Reason = "NotFound" }, "the server could not find the requested resource")
                    : Task.FromResult(body);
            });
        var recorder = new EventRecorder(api.Object, "oci-operator", "pod-1", new FakeTimeProvider(), NullLogger<EventRecorder>.Instance);

        await recorder.RecordAsync(Regarding, EventRecorder.Warning, "SecretMissing", "Reconcile", "secret admin-password not found", CancellationToken.None);
        await recorder.RecordAsync(Regarding, EventRecorder.Normal, "Created", "Reconcile", "created", CancellationToken.None);

        Assert.That(recorder.UsesCoreEvents, Is.True);
        Assert.That(written.Select(w => w.Type.Group), Is.EqualTo(new[] { "events.k8s.io", "", "" }));
        var core = written[1].Body;
        Assert.That(core["involvedObject"]!["uid"]!.GetValue<string>(), Is.EqualTo("uid-1"));
        Assert.That(core["message"]!.GetValue<string>(), Is.EqualTo("secret admin-password not found"));
        Assert.That(core["reason"]!.GetValue<string>(), Is.EqualTo("SecretMissing"));
        Assert.That(core["count"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task RecordAsync_EventNameConflictNotFound_IsLoggedNotFallenBack()
    {
        var api = new Mock<IKubeApi>();
        api.Setup(a => a.CreateAsync(It.IsAny<ResourceType>(), It.IsAny<UnstructuredObject>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new KubeApiException(HttpStatusCode.NotFound, new V1Status { Code = 404, Details = new V1StatusDetails { Name = "demo" } }, "namespaces \"demo\" not found"));
        var recorder = new EventRecorder(api.Object, "oci-operator", "pod-1", new FakeTimeProvider(), NullLogger<EventRecorder>.Instance);

        Assert.That(async () => await recorder.RecordAsync(Regarding, EventRecorder.Normal, "Created", "Reconcile", "created", CancellationToken.None), Throws.Nothing);
        Assert.That(recorder.UsesCoreEvents, Is.False);
    }
}
