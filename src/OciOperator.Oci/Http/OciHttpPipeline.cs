using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Telemetry;
using OciOperator.Oci.Signing;
using Polly;
using Polly.CircuitBreaker;

namespace OciOperator.Oci.Http;

/// <summary>
/// Sends OCI calls: builds each attempt's request from the <see cref="OciRequest"/>, signs it, re-authenticates once
/// after a 401, turns non-2xx answers into <see cref="OciServiceException"/>s, and wraps it all in the resilience
/// pipeline, a span and metrics. Thread-safe.
/// </summary>
public sealed partial class OciHttpPipeline
{
    private readonly HttpClient _http;
    private readonly IAuthenticationProvider _auth;
    private readonly Func<CancellationToken, ValueTask<Uri>> _endpointResolver;
    private Uri? _endpoint;
    private readonly TimeProvider _time;
    private readonly OciTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<OciResponse> _resilience;
    private readonly bool _retriesEnabled;

    /// <summary>Creates the pipeline for one service endpoint (including its base path, e.g. <c>.../20190415</c>).</summary>
    public OciHttpPipeline(HttpClient http, IAuthenticationProvider auth, Uri endpoint, OciResilienceOptions resilience, TimeProvider timeProvider, OciTelemetry telemetry, ILogger logger, Random? random = null)
        : this(http, auth, _ => ValueTask.FromResult(endpoint), resilience, timeProvider, telemetry, logger, random)
    {
    }

    /// <summary>
    /// Creates the pipeline with an endpoint resolved on first use (e.g. after the instance principal learnt its
    /// region from the metadata service).
    /// </summary>
    public OciHttpPipeline(HttpClient http, IAuthenticationProvider auth, Func<CancellationToken, ValueTask<Uri>> endpoint, OciResilienceOptions resilience, TimeProvider timeProvider, OciTelemetry telemetry, ILogger logger, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(resilience);
        _http = http;
        _auth = auth;
        _endpointResolver = endpoint;
        _time = timeProvider;
        _telemetry = telemetry;
        _logger = logger;
        _retriesEnabled = resilience.MaxAttempts > 1;
        _resilience = OciResiliencePipelineFactory.Create(resilience, timeProvider, random ?? Random.Shared, OnRetryAsync);
    }

    /// <summary>The endpoint calls go to (resolved on first use).</summary>
    public async ValueTask<Uri> GetEndpointAsync(CancellationToken ct)
    {
        if (_endpoint is { } known)
        {
            return known;
        }

        var resolved = await _endpointResolver(ct).ConfigureAwait(false);
        _endpoint = resolved.AbsoluteUri.EndsWith('/') ? resolved : new Uri(resolved.AbsoluteUri + "/");
        return _endpoint;
    }

    /// <summary>The authentication provider.</summary>
    public IAuthenticationProvider Authentication => _auth;

    /// <summary>Sends a call through the resilience pipeline.</summary>
    public async Task<OciResponse> SendAsync(OciRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = _telemetry.ActivitySource.StartActivity("OCI " + request.Operation, ActivityKind.Client);
        activity?.SetTag("oci.operation", request.Operation);
        activity?.SetTag("http.request.method", request.Method.Method);
        var started = _time.GetTimestamp();
        var status = "error";
        try
        {
            var context = ResilienceContextPool.Shared.Get(ct);
            context.Properties.Set(OperationKey, request.Operation);
            try
            {
                var response = await _resilience.ExecuteAsync(
                    static (ctx, state) => new ValueTask<OciResponse>(state.self.SendAttemptAsync(state.request, ctx.CancellationToken)),
                    context,
                    (self: this, request)).ConfigureAwait(false);
                status = ((int)response.Status).ToString(CultureInfo.InvariantCulture);
                activity?.SetTag("oci.opc_request_id", response.OpcRequestId);
                activity?.SetTag("http.response.status_code", (int)response.Status);
                return response;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        catch (OciServiceException ex)
        {
            status = ex.StatusCode.ToString(CultureInfo.InvariantCulture);
            activity?.SetTag("oci.opc_request_id", ex.OpcRequestId);
            activity?.SetTag("http.response.status_code", ex.StatusCode);
            activity?.SetTag("oci.error_code", ex.Code);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Code);
            LogCallFailed(_logger, request.Operation, ex.StatusCode, ex.Code, ex.OpcRequestId);
            throw;
        }
        catch (BrokenCircuitException)
        {
            status = "circuit_open";
            activity?.SetStatus(ActivityStatusCode.Error, status);
            LogCircuitOpen(_logger, request.Operation);
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException)
        {
            status = "network_error";
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            LogNetworkFailure(_logger, request.Operation, ex.GetType().Name);
            throw;
        }
        finally
        {
            var tags = new TagList { { "operation", request.Operation }, { "status", status } };
            _telemetry.Calls.Add(1, tags);
            _telemetry.Duration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private static readonly ResiliencePropertyKey<string> OperationKey = new("oci.operation");

    private ValueTask OnRetryAsync(Polly.Retry.OnRetryArguments<OciResponse> args)
    {
        var operation = args.Context.Properties.GetValue(OperationKey, "unknown");
        var status = args.Outcome.Exception is OciServiceException s ? s.StatusCode.ToString(CultureInfo.InvariantCulture) : "network_error";
        _telemetry.Retries.Add(1, new TagList { { "operation", operation }, { "status", status } });
        LogRetry(_logger, operation, status, args.AttemptNumber + 1, args.RetryDelay);
        return ValueTask.CompletedTask;
    }

    private async Task<OciResponse> SendAttemptAsync(OciRequest request, CancellationToken ct)
    {
        var credentials = await _auth.GetCredentialsAsync(ct).ConfigureAwait(false);
        using var response = await SendSignedAsync(request, credentials, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized
            && await _auth.RefreshAfterUnauthorizedAsync(credentials, ct).ConfigureAwait(false))
        {
            var fresh = await _auth.GetCredentialsAsync(ct).ConfigureAwait(false);
            using var retried = await SendSignedAsync(request, fresh, ct).ConfigureAwait(false);
            return await ToResponseAsync(request, retried, ct).ConfigureAwait(false);
        }

        return await ToResponseAsync(request, response, ct).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendSignedAsync(OciRequest request, SigningCredentials credentials, CancellationToken ct)
    {
        var endpoint = await GetEndpointAsync(ct).ConfigureAwait(false);
        using var message = new HttpRequestMessage(request.Method, BuildUri(endpoint, request));
        if (request.Body is { } body)
        {
            message.Content = new ReadOnlyMemoryContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.TryAddWithoutValidation("opc-request-id", Guid.NewGuid().ToString("N").ToUpperInvariant());
        message.Headers.TryAddWithoutValidation("opc-client-retries", _retriesEnabled ? "true" : "false");
        message.Headers.TryAddWithoutValidation("opc-client-info", "OciOperator");
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        await RequestSigner.SignAsync(message, credentials, _time.GetUtcNow(), ct).ConfigureAwait(false);
        return await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
    }

    private static Uri BuildUri(Uri endpoint, OciRequest request)
    {
        var builder = new StringBuilder(request.Path.TrimStart('/'));
        var first = true;
        foreach (var (name, value) in request.Query)
        {
            builder.Append(first ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        return new Uri(endpoint, builder.ToString());
    }

    private async Task<OciResponse> ToResponseAsync(OciRequest request, HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var requestId = Header(response, "opc-request-id");
        var retryAfter = RetryAfter(response, _time.GetUtcNow());
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300 || request.ExtraSuccessCodes.Contains(status))
        {
            return new OciResponse(response.StatusCode, body, requestId, response.Headers.ETag?.ToString() ?? Header(response, "etag"),
                Header(response, "opc-work-request-id"), Header(response, "opc-next-page"), response.Headers.Location?.ToString(), retryAfter);
        }

        var (code, message) = ParseError(body, response);
        if (WithheldMessage(request, message) is { } withheld)
        {
            message = withheld;
        }

        throw new OciServiceException(request.Operation, response.StatusCode, code, message, requestId, retryAfter) { ServerDate = response.Headers.Date };
    }

    /// <summary>
    /// A fixed message naming the fields when OCI's message quotes a secret of the request (in any case), else null. The
    /// whole message goes: masking the value inside it would tell the value by what is left around the gap.
    /// </summary>
    internal static string? WithheldMessage(OciRequest request, string message)
    {
        var quoted = request.Secrets
            .Where(s => s.Value.Length > 0 && message.Contains(s.Value, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Field)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return quoted.Count == 0
            ? null
            : $"OCI refused the value of {string.Join(", ", quoted)}; its message is not shown because it quotes that secret value. Check the value against OCI's rules for {string.Join(", ", quoted)}.";
    }

    private static (string Code, string Message) ParseError(byte[] body, HttpResponseMessage response)
    {
        try
        {
            var error = JsonSerializer.Deserialize(body, OciErrorJsonContext.Default.OciErrorBody);
            if (error?.Code is { Length: > 0 } code)
            {
                return (code, error.Message ?? string.Empty);
            }
        }
        catch (JsonException)
        {
            // Not OCI's error JSON; fall through.
        }

        var status = (int)response.StatusCode;
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;
        return ("BadErrorResponse", $"the service answered HTTP {status.ToString(CultureInfo.InvariantCulture)} ({reason}) without OCI's error document");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } ra)
        {
            return ra.Delta ?? (ra.Date is { } date ? date - now : null);
        }

        return Header(response, "retry-after") is { } raw && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
