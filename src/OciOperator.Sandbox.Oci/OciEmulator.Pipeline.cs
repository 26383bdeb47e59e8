using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OciOperator.Sandbox.Oci.Hosting;
using OciOperator.Sandbox.Oci.Signing;

namespace OciOperator.Sandbox.Oci;

/// <summary>The request pipeline: route, read body, inject faults, verify signatures, dispatch, answer, log the call.</summary>
public sealed partial class OciEmulator
{
    private const int MaxBodyBytes = 1024 * 1024;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var route = OciRoute.Match(request.Method, request.Path.Value ?? "/");
        var requestId = request.Headers.TryGetValue("opc-request-id", out var sentId) && !string.IsNullOrWhiteSpace(sentId)
            ? sentId.ToString()
            : Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var retryToken = request.Headers.TryGetValue("opc-retry-token", out var token) ? token.ToString() : null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var ct = linked.Token;

        var fault = Faults.Next(route.Operation, route.Kind == OciRouteKind.Mysql);
        if (route.Kind == OciRouteKind.Mysql && Faults.Latency > TimeSpan.Zero && !await DelayAsync(Faults.Latency, ct).ConfigureAwait(false))
        {
            context.Abort();
            return;
        }

        // A fault either replaces the request (nothing happens) or, after processing, only its answer (a lost response).
        var processed = fault is null || fault.AfterProcessing ? await ProcessAsync(route, context, ct).ConfigureAwait(false) : null;

        if (fault is { Kind: not OciFaultKind.Status })
        {
            LogFaultInjected(route.Operation, fault.Kind.ToString());
            if (fault.Kind == OciFaultKind.Hang)
            {
                await DelayAsync(Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
            }

            Record(route, request, 0, requestId, fault.Code, retryToken);
            context.Abort();
            return;
        }

        if (fault is not null)
        {
            LogFaultInjected(route.Operation, fault.Code);
        }

        var response = fault is null ? processed! : FaultResponse(fault);
        Record(route, request, response.Status, requestId, response.ErrorCode, retryToken);
        await WriteAsync(context, response, requestId, ct).ConfigureAwait(false);
    }

    private async Task<OciResponse> ProcessAsync(OciRoute route, HttpContext context, CancellationToken ct)
    {
        var body = await ReadBodyAsync(context.Request, ct).ConfigureAwait(false);
        return body is null
            ? OciResponse.Error(413, "RequestEntityTooLarge", $"The request body is larger than {MaxBodyBytes} bytes.")
            : Dispatch(route, context, body);
    }

    private OciResponse Dispatch(OciRoute route, HttpContext context, byte[] body) => route.Kind switch
    {
        OciRouteKind.Mysql => HandleMysql(route, context, body),
        OciRouteKind.InstanceMetadata => HandleMetadata(route, context),
        OciRouteKind.Federation => HandleFederation(route, context, body),
        OciRouteKind.TokenRefresh => HandleTokenRefresh(route, context, body),
        OciRouteKind.OkeProxymux => HandleOkeProxymux(context, body),
        OciRouteKind.Identity => HandleIdentityApi(route, context, body),
        _ => OciResponse.Error(404, "NotFound", $"There is no operation at {context.Request.Method} {context.Request.Path}."),
    };

    private OciResponse HandleMysql(OciRoute route, HttpContext context, byte[] body)
    {
        var check = _verifier.Verify(ToSignedRequest(context, body));
        if (!check.IsValid)
        {
            LogSignatureRejected(route.Operation, check.Failure!);
            return OciResponse.Error(401, "NotAuthenticated", check.Failure!);
        }

        var headers = context.Request.Headers;
        var id = route.ResourceId ?? string.Empty;
        switch (route.Operation)
        {
            case "CreateDbSystem":
            case "UpdateDbSystem":
                var json = ParseObject(body);
                if (json is null)
                {
                    return OciResponse.Error(400, "CannotParseRequest", "The request body is not a JSON object.");
                }

                return route.Operation == "CreateDbSystem"
                    ? _mysql.CreateDbSystem(json, body, headers.TryGetValue("opc-retry-token", out var token) ? token.ToString() : null)
                    : _mysql.UpdateDbSystem(id, json, OptionalHeader(headers, "if-match"));
            case "StartDbSystem":
            case "StopDbSystem":
            case "RestartDbSystem":
                return _mysql.RunAction(id, route.SubPath!, ParseObject(body), OptionalHeader(headers, "if-match"));
            case "GetDbSystem":
                return _mysql.GetDbSystem(id, OptionalHeader(headers, "if-none-match"));
            case "DeleteDbSystem":
                return _mysql.DeleteDbSystem(id, OptionalHeader(headers, "if-match"));
            case "ListDbSystems":
                return _mysql.ListDbSystems(context.Request.Query);
            case "GetWorkRequest":
                return _mysql.GetWorkRequest(id, OptionalHeader(headers, "if-none-match"));
            case "ListWorkRequests":
                return _mysql.ListWorkRequests(context.Request.Query);
            case "ListWorkRequestErrors":
                return _mysql.ListWorkRequestErrors(id, context.Request.Query);
            case "ListWorkRequestLogs":
                return _mysql.ListWorkRequestLogs(id, context.Request.Query);
            default:
                return OciResponse.Error(404, "NotFound", $"The MySQL API has no operation at {context.Request.Method} {context.Request.Path}.");
        }
    }

    private static OciResponse FaultResponse(OciFault fault)
    {
        var message = fault.StatusCode == 429 ? "Too many requests for the tenancy (injected)." : $"Injected {fault.StatusCode} {fault.Code}.";
        return fault.RetryAfter is { } retryAfter
            ? OciResponse.Error(fault.StatusCode, fault.Code, message,
                OciResponse.Header("retry-after", Math.Max(0, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : OciResponse.Error(fault.StatusCode, fault.Code, message);
    }

    private static SignedRequest ToSignedRequest(HttpContext context, byte[] body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget
                        ?? context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        return new SignedRequest(context.Request.Method, rawTarget, headers, body);
    }

    private static JsonObject? ParseObject(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? OptionalHeader(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value.ToString() : null;

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, OciResponse response, string requestId, CancellationToken ct)
    {
        var httpResponse = context.Response;
        httpResponse.StatusCode = response.Status;
        httpResponse.Headers["opc-request-id"] = requestId;
        foreach (var (name, value) in response.Headers)
        {
            httpResponse.Headers[name] = value;
        }

        if (response.Text is not null)
        {
            httpResponse.ContentType = "text/plain; charset=utf-8";
            await httpResponse.WriteAsync(response.Text, ct).ConfigureAwait(false);
        }
        else if (response.Body is not null)
        {
            httpResponse.ContentType = "application/json";
            await httpResponse.WriteAsync(response.Body.ToJsonString(), ct).ConfigureAwait(false);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, _options.TimeProvider, ct).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Record(OciRoute route, HttpRequest request, int status, string requestId, string? errorCode, string? retryToken) =>
        Calls.Add(new OciCall(route.Operation, request.Method, request.Path.Value ?? "/", status, requestId,
            _options.TimeProvider.GetUtcNow(), errorCode, retryToken));
}
