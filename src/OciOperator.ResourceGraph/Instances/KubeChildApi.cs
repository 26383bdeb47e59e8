using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// <see cref="IChildApi"/> over the runtime's <see cref="IKubeApi"/>. Server-side apply is sent here over the
/// KubernetesClient's own HttpClient until the runtime's apply verb is in main (then this class uses it).
/// </summary>
public sealed class KubeChildApi(IKubeApi api, Kubernetes kubernetes, TimeProvider time) : IChildApi
{
    private static readonly ResourceType Events = new(string.Empty, "v1", "Event", "events");

    public async Task<JsonObject?> GetAsync(ResourceType type, string? @namespace, string name, CancellationToken ct) =>
        (await api.GetAsync<UnstructuredObject>(type, @namespace, name, ct).ConfigureAwait(false))?.ToJsonObject();

    public async Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? @namespace, string labelSelector, CancellationToken ct)
    {
        var list = await api.ListAsync<UnstructuredObject>(type, new ListOptions(@namespace, labelSelector), ct).ConfigureAwait(false);
        return [.. list.Items.Select(i => i.ToJsonObject())];
    }

    public async Task<JsonObject> ApplyAsync(ResourceType type, JsonObject obj, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(obj);
        var key = ObjectKey.Of(obj);
        var path = type.ObjectPath(key.Namespace.Length == 0 ? null : key.Namespace, key.Name);
        var uri = new Uri(kubernetes.BaseUri.ToString().TrimEnd('/') + path + "?fieldManager=" + Uri.EscapeDataString(KroMetadata.FieldManager) + "&force=true");
        using var request = new HttpRequestMessage(HttpMethod.Patch, uri) { Content = new StringContent(obj.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/apply-patch+yaml");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (kubernetes.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, ct).ConfigureAwait(false);
        }

        using var response = await kubernetes.HttpClient.SendAsync(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var status = TryStatus(text);
            throw new KubeApiException(response.StatusCode, status,
                $"apply {type.Kind} {key}: {(int)response.StatusCode} {status?.Reason ?? response.ReasonPhrase}: {status?.Message}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    public Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, string? uid, CancellationToken ct) =>
        api.DeleteAsync(type, @namespace, name, ct);

    public async Task<JsonObject> MergePatchAsync(ResourceType type, string? @namespace, string name, JsonObject patch, CancellationToken ct) =>
        (await api.PatchAsync<UnstructuredObject>(type, @namespace, name, PatchKind.Merge, patch.ToJsonString(), status: false, ct).ConfigureAwait(false)).ToJsonObject();

    public async Task<JsonObject> ReplaceStatusAsync(ResourceType type, JsonObject obj, CancellationToken ct) =>
        (await api.ReplaceAsync(type, new UnstructuredObject(obj), status: true, ct).ConfigureAwait(false)).ToJsonObject();

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

    private static V1Status? TryStatus(string text)
    {
        try
        {
            return text.StartsWith('{') ? KubernetesJson.Deserialize<V1Status>(text) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
