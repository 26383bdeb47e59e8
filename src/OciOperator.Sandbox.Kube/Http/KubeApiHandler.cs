using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Selectors;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// The whole HTTP surface of the Sandbox API server: authentication, fault injection, discovery, OpenAPI, and the
/// resource verbs. Bad input always ends as a Status body with a 4xx code.
/// </summary>
internal sealed partial class KubeApiHandler
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;
    private readonly KindStrategies _strategies;
    private readonly ObjectLifecycle _lifecycle;
    private readonly KubeApiServerOptions _options;
    private readonly SandboxFaults _faults;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DiscoveryDocuments _discovery;
    private readonly OpenApiDocuments _openApi;
    private readonly TableBuilder _tables;
    private readonly byte[]? _token;

    public KubeApiHandler(ObjectStore store, ResourceRegistry registry, KubeApiServerOptions options, SandboxFaults faults, ILogger logger)
    {
        _store = store;
        _registry = registry;
        _options = options;
        _faults = faults;
        _time = options.TimeProvider;
        _logger = logger;
        _strategies = new KindStrategies(new ClusterAddressAllocator());
        _lifecycle = new ObjectLifecycle(store, registry, _strategies, _time);
        _discovery = new DiscoveryDocuments(registry);
        _openApi = new OpenApiDocuments(registry);
        _tables = new TableBuilder(_time);
        _token = options.BearerToken is null ? null : Encoding.UTF8.GetBytes(options.BearerToken);
    }

    /// <summary>Creates the built-in namespaces.</summary>
    public void Seed()
    {
        var d = _registry.Find("", "v1", "namespaces")!;
        foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            lock (_store.Gate)
            {
                if (_store.Get(d.StorageKey, "", name) is null)
                {
                    var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };
                    Create(d, null, ns, new RequestOptions { FieldManager = "sandbox" });
                }
            }
        }
    }

    public async Task HandleAsync(HttpContext ctx)
    {
        var ct = ctx.RequestAborted;
        var request = ctx.Request;
        try
        {
            if (!Authorized(request))
            {
                throw ApiErrors.Unauthorized();
            }

            var latency = _faults.Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, _time, ct).ConfigureAwait(false);
            }

            await RouteAsync(ctx, ct).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            LogRequestFailed(_logger, request.Method, request.Path.Value ?? "", e.Code, e.Message);
            await TryWriteStatusAsync(ctx, e.Code, e.Status, ct).ConfigureAwait(false);
        }
        catch (SelectorParseException e)
        {
            await TryWriteStatusAsync(ctx, 400, StatusObjects.Failure(400, "BadRequest", e.Message, null), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (BadHttpRequestException e)
        {
            await TryWriteStatusAsync(ctx, e.StatusCode, StatusObjects.Failure(e.StatusCode, "BadRequest", e.Message, null), ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The server boundary: a bug in one request must become a 500 Status, never a dropped connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRequestCrashed(_logger, request.Method, request.Path.Value ?? "", e);
            var message = "Internal error occurred: " + e.GetType().Name + ": " + e.Message;
            await TryWriteStatusAsync(ctx, 500, StatusObjects.Failure(500, "InternalError", message, null), ct).ConfigureAwait(false);
        }
    }

    private bool Authorized(HttpRequest request)
    {
        if (_token is null)
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[7..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _token);
    }

    private async Task RouteAsync(HttpContext ctx, CancellationToken ct)
    {
        var path = ctx.Request.Path.Value ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = ctx.Request.Method;
        if (segments.Length == 0)
        {
            await WriteJsonAsync(ctx, 200, new JsonObject { ["paths"] = new JsonArray("/api", "/api/v1", "/apis", "/openapi/v3", "/version") }, ct).ConfigureAwait(false);
            return;
        }

        switch (segments[0])
        {
            case "version" when segments.Length == 1:
                await WriteJsonAsync(ctx, 200, DiscoveryDocuments.Version(), ct).ConfigureAwait(false);
                return;
            case "healthz" or "readyz" or "livez":
                ctx.Response.ContentType = "text/plain";
                await ctx.Response.WriteAsync("ok", ct).ConfigureAwait(false);
                return;
            case "openapi":
                await ServeOpenApiAsync(ctx, segments, ct).ConfigureAwait(false);
                return;
        }

        if (_discovery.TryGet(segments, ctx.Request.Host.Value ?? "127.0.0.1") is { } discovery)
        {
            EnsureMethod(method, "GET");
            await WriteJsonAsync(ctx, 200, discovery, ct).ConfigureAwait(false);
            return;
        }

        var api = ApiRequest.Parse(segments) ?? throw ApiErrors.PathNotFound();
        var d = _registry.Find(api.Group, api.Version, api.Resource) ?? throw ApiErrors.PathNotFound();
        if (d.Namespaced == false && api.Namespace is not null)
        {
            throw ApiErrors.PathNotFound();
        }

        if (api.Subresource is not null && !(api.Subresource == "status" && d.HasStatus) && !(api.Subresource == "finalize" && d.Kind == "Namespace" && !d.IsCustom))
        {
            throw ApiErrors.PathNotFound();
        }

        var options = RequestOptions.From(ctx.Request);
        if (method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            InjectWriteFault(d, api.Name ?? "");
        }

        await DispatchAsync(ctx, d, api, options, ct).ConfigureAwait(false);
    }

    private async Task DispatchAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        var method = ctx.Request.Method;
        switch (method)
        {
            case "GET" when api.LegacyWatch || options.Watch:
                await WatchAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
            case "GET" when api.Name is null:
                await ListAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
            case "GET":
                await GetAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
        }

        if (api.LegacyWatch)
        {
            throw ApiErrors.MethodNotAllowed();
        }

        switch (method)
        {
            case "POST" when api.Name is null:
                var body = await RequestBody.ReadObjectAsync(ctx.Request, d.Kind, ct).ConfigureAwait(false);
                var created = Locked(() => Create(d, api.Namespace, body, options));
                await WriteObjectAsync(ctx, d, 201, created, options, ct).ConfigureAwait(false);
                return;
            case "PUT" when api.Name is not null:
                var update = await RequestBody.ReadObjectAsync(ctx.Request, d.Kind, ct).ConfigureAwait(false);
                var (updated, wasCreated) = Locked(() => Update(d, api, update, options));
                await WriteObjectAsync(ctx, d, wasCreated ? 201 : 200, updated, options, ct).ConfigureAwait(false);
                return;
            case "PATCH" when api.Name is not null:
                await PatchAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
            case "DELETE" when api.Name is not null:
                await DeleteAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
            case "DELETE":
                await DeleteCollectionAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
            default:
                throw ApiErrors.MethodNotAllowed();
        }
    }

    private T Locked<T>(Func<T> step)
    {
        lock (_store.Gate)
        {
            var result = step();
            _lifecycle.CollectGarbage();
            return result;
        }
    }

    private static void EnsureMethod(string method, string allowed)
    {
        if (!string.Equals(method, allowed, StringComparison.Ordinal))
        {
            throw ApiErrors.MethodNotAllowed();
        }
    }

    private void InjectWriteFault(ResourceDescriptor d, string name)
    {
        switch (_faults.NextWriteFault())
        {
            case WriteFault.Conflict:
                throw ApiErrors.Modified(d, name);
            case WriteFault.InternalError:
                throw new ApiException(500, "InternalError", "Internal error occurred: injected fault", null);
            case WriteFault.Unavailable:
                throw new ApiException(503, "ServiceUnavailable", "the server is currently unable to handle the request (injected fault)", null);
        }
    }

    private async Task TryWriteStatusAsync(HttpContext ctx, int code, JsonObject status, CancellationToken ct)
    {
        if (ctx.Response.HasStarted)
        {
            return;
        }

        try
        {
            await WriteJsonAsync(ctx, code, status, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task WriteJsonAsync(HttpContext ctx, int code, JsonNode body, CancellationToken ct)
    {
        ctx.Response.StatusCode = code;
        ctx.Response.ContentType = "application/json";
        var bytes = Serialize(body);
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    internal static byte[] Serialize(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
