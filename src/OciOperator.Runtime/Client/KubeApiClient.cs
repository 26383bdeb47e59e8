using System.Net;
using System.Net.Http.Headers;
using System.Text;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Client;

/// <summary>
/// <see cref="IKubeApi"/> over the KubernetesClient's own <see cref="HttpClient"/> and credentials, so TLS, client
/// certificates, tokens and any <see cref="DelegatingHandler"/> (such as <see cref="ClientRateLimitingHandler"/>)
/// apply. It speaks the REST paths directly so core and custom kinds, typed and unstructured, share one code path.
/// </summary>
public sealed partial class KubeApiClient(Kubernetes kubernetes, TimeProvider? time = null, TimeSpan? requestTimeout = null) : IKubeApi
{
    /// <summary>The default limit on one non-watch request (the client's own HttpClient has none).</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(60);

    private const int PageSize = 500;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    public async Task<ResourceList<T>> ListAsync<T>(ResourceType type, ListOptions options, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var items = new List<T>();
        var undecodable = new List<DecodeFailure>();
        string? continueToken = null;
        string resourceVersion;
        do
        {
            var query = new QueryBuilder()
                .Add("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add("continue", continueToken)
                .Add("labelSelector", options.LabelSelector)
                .Add("fieldSelector", options.FieldSelector);
            using var request = new HttpRequestMessage(HttpMethod.Get, BuildUri(type.CollectionPath(options.Namespace), query));
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            using var doc = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            var root = doc.RootElement;
            var metadata = root.TryGetProperty("metadata", out var m) ? m : default;
            resourceVersion = metadata.ValueKind == System.Text.Json.JsonValueKind.Object && metadata.TryGetProperty("resourceVersion", out var rv)
                ? rv.GetString() ?? string.Empty
                : string.Empty;
            continueToken = metadata.ValueKind == System.Text.Json.JsonValueKind.Object && metadata.TryGetProperty("continue", out var c)
                ? c.GetString()
                : null;
            if (root.TryGetProperty("items", out var array) && array.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                foreach (var element in array.EnumerateArray())
                {
                    if (Decode<T>(element, type, out var failure) is { } item)
                    {
                        items.Add(item);
                    }
                    else
                    {
                        undecodable.Add(failure!);
                    }
                }
            }
        }
        while (!string.IsNullOrEmpty(continueToken));

        return new ResourceList<T>(items, resourceVersion) { Undecodable = undecodable };
    }

    public async Task<T?> GetAsync<T>(ResourceType type, string? @namespace, string name, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BuildUri(type.ObjectPath(@namespace, name), null));
        try
        {
            return await SendForObjectAsync<T>(request, ct).ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    public async Task<T> CreateAsync<T>(ResourceType type, T obj, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        using var request = new HttpRequestMessage(HttpMethod.Post, BuildUri(type.CollectionPath(obj.Metadata?.NamespaceProperty), null))
        {
            Content = JsonContent(obj),
        };
        return await SendForObjectAsync<T>(request, ct).ConfigureAwait(false);
    }

    public async Task<T> ReplaceAsync<T>(ResourceType type, T obj, bool status, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        var path = type.ObjectPath(obj.Metadata.NamespaceProperty, obj.Metadata.Name) + (status ? "/status" : string.Empty);
        using var request = new HttpRequestMessage(HttpMethod.Put, BuildUri(path, null)) { Content = JsonContent(obj) };
        return await SendForObjectAsync<T>(request, ct).ConfigureAwait(false);
    }

    public async Task<T> PatchAsync<T>(ResourceType type, string? @namespace, string name, PatchKind kind, string body, bool status, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var path = type.ObjectPath(@namespace, name) + (status ? "/status" : string.Empty);
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(kind == PatchKind.Merge ? "application/merge-patch+json" : "application/json-patch+json");
        using var request = new HttpRequestMessage(HttpMethod.Patch, BuildUri(path, null)) { Content = content };
        return await SendForObjectAsync<T>(request, ct).ConfigureAwait(false);
    }

    public async Task<T> ApplyAsync<T>(ResourceType type, T obj, ApplyOptions options, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.FieldManager);
        var path = type.ObjectPath(obj.Metadata?.NamespaceProperty, obj.Metadata?.Name ?? string.Empty) + (options.Status ? "/status" : string.Empty);
        var query = new QueryBuilder().Add("fieldManager", options.FieldManager).Add("force", options.Force ? "true" : null);

        // JSON is YAML: the apply content type takes the object as serialized.
        var content = new StringContent(KubernetesJson.Serialize(obj), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/apply-patch+yaml");
        using var request = new HttpRequestMessage(HttpMethod.Patch, BuildUri(path, query)) { Content = content };
        return await SendForObjectAsync<T>(request, ct).ConfigureAwait(false);
    }

    public Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, CancellationToken ct) =>
        DeleteAsync(type, @namespace, name, DeleteOptions.Default, ct);

    public async Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, DeleteOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "DeleteOptions",
            ["propagationPolicy"] = options.Propagation.ToString(),
        };
        if (options.Uid is not null || options.ResourceVersion is not null)
        {
            var preconditions = new System.Text.Json.Nodes.JsonObject();
            if (options.Uid is not null)
            {
                preconditions["uid"] = options.Uid;
            }

            if (options.ResourceVersion is not null)
            {
                preconditions["resourceVersion"] = options.ResourceVersion;
            }

            body["preconditions"] = preconditions;
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, BuildUri(type.ObjectPath(@namespace, name), null))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        try
        {
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            return true;
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            return false;
        }
    }

    public async Task<V1APIResourceList?> GetApiResourcesAsync(string groupVersion, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupVersion);
        var path = groupVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{groupVersion}" : $"/api/{groupVersion}";
        using var request = new HttpRequestMessage(HttpMethod.Get, BuildUri(path, null));
        try
        {
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            using var doc = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            return KubernetesJson.Deserialize<V1APIResourceList>(doc.RootElement);
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    public async Task<V1APIGroup?> GetApiGroupAsync(string group, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        using var request = new HttpRequestMessage(HttpMethod.Get, BuildUri($"/apis/{group}", null));
        try
        {
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            using var doc = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            return KubernetesJson.Deserialize<V1APIGroup>(doc.RootElement);
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    private static StringContent JsonContent(object obj)
    {
        var content = new StringContent(KubernetesJson.Serialize(obj), Encoding.UTF8);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private static async Task<System.Text.Json.JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await System.Text.Json.JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        }
    }

    private static async Task<KubeApiException> ToExceptionAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken ct)
    {
        V1Status? status = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (text.Length > 0 && text[0] == '{')
            {
                status = KubernetesJson.Deserialize<V1Status>(text);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a Status body; the HTTP status code alone describes the failure.
        }

        var message = $"{request.Method} {request.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {status?.Reason ?? response.ReasonPhrase}: {status?.Message}";
        return new KubeApiException(response.StatusCode, status, message);
    }

    private Uri BuildUri(string path, QueryBuilder? query)
    {
        var baseUri = kubernetes.BaseUri.ToString().TrimEnd('/');
        return new Uri(baseUri + path + (query?.ToString() ?? string.Empty));
    }

    private async Task<T> SendForObjectAsync<T>(HttpRequestMessage request, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        using var doc = await ReadJsonAsync(response, ct).ConfigureAwait(false);
        return KubernetesJson.Deserialize<T>(doc.RootElement);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (kubernetes.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, ct).ConfigureAwait(false);
        }

        HttpResponseMessage response;
        if (completion == HttpCompletionOption.ResponseHeadersRead)
        {
            // Watches are long-lived by design; the server's timeoutSeconds bounds them.
            response = await kubernetes.HttpClient.SendAsync(request, completion, ct).ConfigureAwait(false);
        }
        else
        {
            var limit = requestTimeout ?? DefaultRequestTimeout;
            using var timeout = new CancellationTokenSource(limit, time ?? TimeProvider.System);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                response = await kubernetes.HttpClient.SendAsync(request, completion, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new TimeoutException($"{request.Method} {request.RequestUri?.AbsolutePath} did not answer within {limit.TotalSeconds}s");
            }
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(request, response, ct).ConfigureAwait(false);
        }
    }

    private sealed class QueryBuilder
    {
        private readonly StringBuilder _text = new();

        public QueryBuilder Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }

            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
