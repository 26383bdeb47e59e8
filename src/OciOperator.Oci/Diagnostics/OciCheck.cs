using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Telemetry;
using Polly.Timeout;

namespace OciOperator.Oci.Diagnostics;

/// <summary>
/// The logic behind <c>oci-operator oci check</c>: authenticate with the selected mode, make one read-only call
/// (ListDbSystems, limit 1, no retries) and explain a failure (clock skew, unknown key, missing policy, wrong region,
/// bad configuration).
/// </summary>
public sealed class OciCheck(
    Func<string, string?> environment,
    Func<HttpClient> httpClientFactory,
    TimeProvider timeProvider,
    ILoggerFactory? loggerFactory = null)
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    /// <summary>Runs the check.</summary>
    public async Task<OciCheckResult> RunAsync(OciCheckRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var logs = loggerFactory ?? NullLoggerFactory.Instance;
        var factory = new AuthenticationProviderFactory(environment, timeProvider, httpClientFactory, logs);
        var authOptions = new OciAuthOptions
        {
            Mode = request.AuthMode,
            ConfigFile = request.ConfigFile,
            Profile = request.Profile,
            Region = request.Region,
            MetadataBaseUrl = request.MetadataBaseUrl,
            FederationEndpoint = request.FederationEndpoint,
        };
        IAuthenticationProvider auth;
        Uri endpoint;
        try
        {
            auth = factory.Create(authOptions);
            await auth.GetCredentialsAsync(ct).ConfigureAwait(false);
            endpoint = await OciEndpoints.ResolveMysqlAsync(request.Endpoint, request.Region, auth, factory.Regions, ct).ConfigureAwait(false);
        }
        catch (OciConfigurationException ex)
        {
            return new OciCheckResult { Failure = OciCheckFailure.BadConfiguration, Detail = ex.Message, LikelyCause = "The OCI auth configuration is incomplete or malformed; fix the named setting." };
        }
        catch (OciAuthenticationException ex)
        {
            return new OciCheckResult
            {
                Failure = OciCheckFailure.AuthenticationFailed,
                Detail = ex.Message,
                LikelyCause = "Credentials could not be obtained. For instance principal, run on an OCI instance in a dynamic group; otherwise pick --auth user_principal with a config file.",
            };
        }

        using var telemetry = new OciTelemetry();
        var pipeline = new OciHttpPipeline(
            httpClientFactory(), auth, endpoint,
            new OciResilienceOptions { MaxAttempts = 1, AttemptTimeout = TimeSpan.FromSeconds(30), RateLimitPerSecond = 0, CircuitMinimumThroughput = 1000 },
            timeProvider, telemetry, logs.CreateLogger<OciHttpPipeline>());
        var client = new MysqlDbSystemClient(pipeline);
        var result = new OciCheckResult { PrincipalType = auth.PrincipalType, TenancyId = auth.TenancyId, Region = auth.Region ?? request.Region, Endpoint = endpoint, Detail = string.Empty };
        try
        {
            var page = await client.ListDbSystemsAsync(new ListDbSystemsRequest(request.CompartmentId) { Limit = 1 }, ct).ConfigureAwait(false);
            return result with { OpcRequestId = page.OpcRequestId, Detail = $"ListDbSystems succeeded ({page.Items.Count} item(s) on the first page)." };
        }
        catch (OciServiceException ex)
        {
            return result with { OpcRequestId = ex.OpcRequestId, Detail = $"{ex.StatusCode} {ex.Code}: {ex.ServiceMessage}", Failure = Diagnose(ex), LikelyCause = Explain(Diagnose(ex)) };
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or TimeoutRejectedException)
        {
            return result with { Detail = $"{ex.GetType().Name}: {ex.Message}", Failure = OciCheckFailure.EndpointUnreachable, LikelyCause = Explain(OciCheckFailure.EndpointUnreachable) };
        }
    }

    private OciCheckFailure Diagnose(OciServiceException ex)
    {
        if (ex.StatusCode == 401)
        {
            var skewed = ex.ServerDate is { } server && (server - timeProvider.GetUtcNow()).Duration() > MaxSkew;
            return skewed ? OciCheckFailure.ClockSkew : OciCheckFailure.NotAuthenticated;
        }

        return ex.StatusCode == 404 && ex.Code == "NotAuthorizedOrNotFound" ? OciCheckFailure.MissingPolicy : OciCheckFailure.ServiceError;
    }

    private static string? Explain(OciCheckFailure failure) => failure switch
    {
        OciCheckFailure.ClockSkew => "The local clock differs from OCI's by more than 5 minutes; signatures are rejected. Sync the clock (NTP).",
        OciCheckFailure.NotAuthenticated => "OCI does not know this key: check tenancy, user and fingerprint match an API key uploaded to the user, or that the session/instance token is valid.",
        OciCheckFailure.MissingPolicy => "The principal lacks a policy such as 'Allow dynamic-group <DG> to manage mysql-family in compartment <C>' (or the compartment OCID is wrong).",
        OciCheckFailure.EndpointUnreachable => "The MySQL endpoint could not be reached: check the region (and --endpoint), DNS and egress.",
        OciCheckFailure.ServiceError => "OCI answered an error; see the code and opc-request-id.",
        _ => null,
    };
}
