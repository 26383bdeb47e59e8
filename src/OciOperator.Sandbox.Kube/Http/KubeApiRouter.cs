using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Selectors;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// The entry of every request: authentication, injected latency and write faults, routing to discovery, OpenAPI and
/// the verb handlers, and the boundary where every failure becomes a Status body (bad input always a 4xx).
/// </summary>
internal sealed partial class KubeApiRouter
{
    private readonly ResourceRegistry _registry;
    private readonly IFaultSource _faults;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly byte[]? _token;
    private readonly DiscoveryDocuments _discovery;
    private readonly OpenApiEndpoint _openApi;
    private readonly ReadHandler _read;
    private readonly WatchHandler _watch;
    private readonly ObjectWriter _writer;
    private readonly PatchHandler _patch;
    private readonly DeleteHandler _delete;
    private readonly ObjectLifecycle _lifecycle;
    private readonly ScaleHandler _scale;
    private readonly PodSubresources _pods;
    private readonly Action<ApiRequestRecord>? _observer;

    public KubeApiRouter(ObjectStore store, ResourceRegistry registry, ApiServerSettings settings, IFaultSource faults, ILogger logger)
    {
        _registry = registry;
        _faults = faults;
        _time = settings.Time;
        _logger = logger;
        _token = settings.BearerToken is null ? null : Encoding.UTF8.GetBytes(settings.BearerToken);
        var strategies = new KindStrategies(new ClusterAddressAllocator());
        var tables = new TableBuilder(_time);
        _lifecycle = new ObjectLifecycle(store, registry, strategies, _time);
        _discovery = new DiscoveryDocuments(registry);
        _openApi = new OpenApiEndpoint(new OpenApiDocuments(registry), _time);
        _read = new ReadHandler(store, tables);
        _watch = new WatchHandler(store, tables, faults, _time, settings.BookmarkInterval, logger);
        _writer = new ObjectWriter(store, registry, strategies, _lifecycle, faults, _time);
        _patch = new PatchHandler(store, _lifecycle, _writer, _time);
        _delete = new DeleteHandler(store, _lifecycle);
        _scale = new ScaleHandler(store, _lifecycle, _writer);
        _pods = new PodSubresources(store);
        _observer = settings.RequestObserver;
    }

    /// <summary>Creates the built-in namespaces.</summary>
    public void Seed() => _writer.SeedNamespaces();

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
            await ResponseWriter.TryWriteStatusAsync(ctx, e.Code, e.Status, ct).ConfigureAwait(false);
        }
        catch (SelectorParseException e)
        {
            await ResponseWriter.TryWriteStatusAsync(ctx, 400, StatusObjects.Failure(400, "BadRequest", e.Message, null), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (BadHttpRequestException e)
        {
            await ResponseWriter.TryWriteStatusAsync(ctx, e.StatusCode, StatusObjects.Failure(e.StatusCode, "BadRequest", e.Message, null), ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The server boundary: a bug in one request must become a 500 Status, never a dropped connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRequestCrashed(_logger, request.Method, request.Path.Value ?? "", e);
            var message = "Internal error occurred: " + e.GetType().Name + ": " + e.Message;
            await ResponseWriter.TryWriteStatusAsync(ctx, 500, StatusObjects.Failure(500, "InternalError", message, null), ct).ConfigureAwait(false);
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
            await ResponseWriter.WriteJsonAsync(ctx, 200, new JsonObject { ["paths"] = new JsonArray("/api", "/api/v1", "/apis", "/openapi/v3", "/version") }, ct).ConfigureAwait(false);
            return;
        }

        switch (segments[0])
        {
            case "version" when segments.Length == 1:
                await ResponseWriter.WriteJsonAsync(ctx, 200, DiscoveryDocuments.Version(), ct).ConfigureAwait(false);
                return;
            case "healthz" or "readyz" or "livez":
                ctx.Response.ContentType = "text/plain";
                await ctx.Response.WriteAsync("ok", ct).ConfigureAwait(false);
                return;
            case "openapi":
                await _openApi.ServeAsync(ctx, segments, ct).ConfigureAwait(false);
                return;
        }

        if (_discovery.TryGet(segments, ctx.Request.Host.Value ?? "127.0.0.1") is { } discovery)
        {
            EnsureMethod(method, "GET");
            await ResponseWriter.WriteJsonAsync(ctx, 200, discovery, ct).ConfigureAwait(false);
            return;
        }

        var api = ApiRequest.Parse(segments) ?? throw ApiErrors.PathNotFound();
        var d = _registry.Find(api.Group, api.Version, api.Resource) ?? throw ApiErrors.PathNotFound();
        if (d.Namespaced == false && api.Namespace is not null)
        {
            throw ApiErrors.PathNotFound();
        }

        if (api.Subresource is not null && !(api.Subresource == "status" && d.HasStatus) && !(api.Subresource == "finalize" && d.Kind == "Namespace" && !d.IsCustom)
            && !(api.Subresource == "scale" && d.Scale is not null) && !PodSubresources.Serves(d, api.Subresource))
        {
            throw ApiErrors.PathNotFound();
        }

        if (d.IsReview)
        {
            await ReviewHandler.HandleAsync(ctx, d, api, ct).ConfigureAwait(false);
            return;
        }

        if (api.Subresource is not null && PodSubresources.Serves(d, api.Subresource))
        {
            await _pods.HandleAsync(ctx, d, api, ct).ConfigureAwait(false);
            return;
        }

        var options = RequestOptions.From(ctx.Request);
        _observer?.Invoke(new ApiRequestRecord(
            ctx.Request.Headers.UserAgent.ToString(), RbacVerb(method, api, options), d.Group, d.Plural, api.Subresource, api.Namespace, api.Name));
        if (method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            InjectWriteFault(d, api.Name ?? "");
        }

        if (api.Subresource == "scale" && api.Name is not null && !api.LegacyWatch && !options.Watch)
        {
            await _scale.HandleAsync(ctx, d, api, options, ct).ConfigureAwait(false);
            return;
        }

        await DispatchAsync(ctx, d, api, options, ct).ConfigureAwait(false);
    }

    private async Task DispatchAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        var method = ctx.Request.Method;
        switch (method)
        {
            case "GET" when api.LegacyWatch || options.Watch:
                await _watch.WatchAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
            case "GET" when api.Name is null:
                await _read.ListAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
            case "GET":
                await _read.GetAsync(ctx, d, api, options, ct).ConfigureAwait(false);
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
                var created = _lifecycle.Locked(() => _writer.Create(d, api.Namespace, body, options));
                await ResponseWriter.WriteObjectAsync(ctx, d, 201, created, options, ct).ConfigureAwait(false);
                return;
            case "PUT" when api.Name is not null:
                var update = await RequestBody.ReadObjectAsync(ctx.Request, d.Kind, ct).ConfigureAwait(false);
                var (updated, wasCreated) = _lifecycle.Locked(() => _writer.Update(d, api, update, options));
                await ResponseWriter.WriteObjectAsync(ctx, d, wasCreated ? 201 : 200, updated, options, ct).ConfigureAwait(false);
                return;
            case "PATCH" when api.Name is not null:
                await _patch.PatchAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
            case "DELETE" when api.Name is not null:
                await _delete.DeleteAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
            case "DELETE":
                await _delete.DeleteCollectionAsync(ctx, d, api, options, ct).ConfigureAwait(false);
                return;
            default:
                throw ApiErrors.MethodNotAllowed();
        }
    }

    /// <summary>The verb an RBAC authorizer sees for this request (a watch is a GET with <c>watch=true</c> or a legacy path).</summary>
    private static string RbacVerb(string method, ApiRequest api, RequestOptions options) => method switch
    {
        "GET" when api.LegacyWatch || options.Watch => "watch",
        "GET" when api.Name is null => "list",
        "GET" => "get",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" when api.Name is null => "deletecollection",
        "DELETE" => "delete",
        _ => method.ToLowerInvariant(),
    };

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
}
