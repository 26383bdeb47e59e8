using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// <see cref="IChildApi"/> over the runtime's <see cref="IKubeApi"/>: server-side apply with kro's field manager and
/// force, deletes with a UID precondition, Events on the instance.
/// </summary>
public sealed class KubeChildApi(IKubeApi api, TimeProvider time) : IChildApi
{
    private static readonly ResourceType Events = new(string.Empty, "v1", "Event", "events");

    public async Task<JsonObject?> GetAsync(ResourceType type, string? @namespace, string name, CancellationToken ct) =>
        (await api.GetAsync<UnstructuredObject>(type, @namespace, name, ct).ConfigureAwait(false))?.ToJsonObject();

    public async Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? @namespace, string labelSelector, CancellationToken ct)
    {
        var list = await api.ListAsync<UnstructuredObject>(type, new ListOptions(@namespace, labelSelector), ct).ConfigureAwait(false);
        return [.. list.Items.Select(i => i.ToJsonObject())];
    }

    public async Task<JsonObject> ApplyAsync(ResourceType type, JsonObject obj, CancellationToken ct) =>
        (await api.ApplyAsync(type, new UnstructuredObject(obj), new ApplyOptions(KroMetadata.FieldManager, Force: true), ct).ConfigureAwait(false)).ToJsonObject();

    public Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, string? uid, CancellationToken ct) =>
        api.DeleteAsync(type, @namespace, name, new DeleteOptions(DeletePropagation.Background, Uid: uid), ct);

    public async Task<JsonObject> MergePatchAsync(ResourceType type, string? @namespace, string name, JsonObject patch, CancellationToken ct) =>
        (await api.PatchAsync<UnstructuredObject>(type, @namespace, name, PatchKind.Merge, patch.ToJsonString(), status: false, ct).ConfigureAwait(false)).ToJsonObject();

    public async Task<JsonObject> ApplyStatusAsync(ResourceType type, JsonObject obj, CancellationToken ct) =>
        (await api.ApplyAsync(type, new UnstructuredObject(obj), new ApplyOptions(KroMetadata.FieldManager, Force: true, Status: true), ct).ConfigureAwait(false)).ToJsonObject();

    public async Task RecordEventAsync(JsonObject regarding, string type, string reason, string message, CancellationToken ct)
    {
        var key = ObjectKey.Of(regarding);
        var now = time.GetUtcNow().UtcDateTime;
        var ev = new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta { GenerateName = key.Name + ".", NamespaceProperty = key.Namespace.Length == 0 ? "default" : key.Namespace },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = regarding["apiVersion"]?.GetValue<string>(),
                Kind = regarding["kind"]?.GetValue<string>(),
                Name = key.Name,
                NamespaceProperty = key.Namespace.Length == 0 ? null : key.Namespace,
                Uid = regarding["metadata"]?["uid"]?.GetValue<string>(),
            },
            Type = type,
            Reason = reason,
            Message = message,
            Source = new V1EventSource { Component = "kro" },
            ReportingComponent = "kro",
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        await api.CreateAsync(Events, ev, ct).ConfigureAwait(false);
    }
}
