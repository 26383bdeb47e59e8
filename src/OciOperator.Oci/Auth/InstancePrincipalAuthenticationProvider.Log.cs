using Microsoft.Extensions.Logging;

namespace OciOperator.Oci.Auth;

/// <summary>Source-generated logs of the instance principal provider.</summary>
public sealed partial class InstancePrincipalAuthenticationProvider
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Instance principal token obtained for tenancy {TenancyId} in {Region}, expires {ExpiresAt:O}")]
    private static partial void LogTokenObtained(ILogger logger, string tenancyId, string region, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Federation call failed with status {Status} on attempt {Attempt}; retrying")]
    private static partial void LogFederationRetry(ILogger logger, int status, int attempt);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Instance metadata region call failed (status {Status}) on attempt {Attempt}; retrying")]
    private static partial void LogRegionRetry(ILogger logger, int attempt, int status);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "OCI answered 401; refreshing the instance principal token")]
    private static partial void LogRefreshAfterUnauthorized(ILogger logger);
}
