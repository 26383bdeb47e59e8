using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OciOperator.Mysql.Api;

namespace OciOperator.Mysql.Secrets;

/// <summary>
/// Builds the endpoint Secret's data from a DbSystem's status (a pure function; formats in <see
/// cref="EndpointSecretKeys"/>).
/// </summary>
public static class EndpointSecretData
{
    // Like Go's json.Marshal of the SDK type: compact, declared field order, absent values omitted, UTF-8 kept as is.
    private static readonly JsonSerializerOptions EndpointsJson = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>
    /// The data for <paramref name="status"/>, or the missing fields: <c>status.ipAddress</c>, an availability domain,
    /// <c>status.port</c> and <c>status.portX</c> (both &gt; 0) are required, as in OSOK.
    /// </summary>
    public static EndpointSecretDataResult Build(DbSystemStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var missing = new List<string>();
        var availabilityDomain = FirstNonEmpty(status.AvailabilityDomain, status.CurrentPlacement?.AvailabilityDomain);
        if (string.IsNullOrEmpty(status.IpAddress))
        {
            missing.Add("status.ipAddress");
        }

        if (availabilityDomain is null)
        {
            missing.Add("status.availabilityDomain");
        }

        if (status.Port is not > 0)
        {
            missing.Add("status.port");
        }

        if (status.PortX is not > 0)
        {
            missing.Add("status.portX");
        }

        if (missing.Count > 0)
        {
            return EndpointSecretDataResult.Incomplete(missing);
        }

        return EndpointSecretDataResult.Complete(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EndpointSecretKeys.PrivateIpAddress] = status.IpAddress!,
            [EndpointSecretKeys.InternalFqdn] = status.HostnameLabel ?? "",
            [EndpointSecretKeys.AvailabilityDomain] = availabilityDomain!,
            [EndpointSecretKeys.FaultDomain] = FirstNonEmpty(status.FaultDomain, status.CurrentPlacement?.FaultDomain) ?? "",
            [EndpointSecretKeys.MySqlPort] = status.Port!.Value.ToString(CultureInfo.InvariantCulture),
            [EndpointSecretKeys.MySqlXProtocolPort] = status.PortX!.Value.ToString(CultureInfo.InvariantCulture),
            [EndpointSecretKeys.Endpoints] = JsonSerializer.Serialize(status.Endpoints ?? [], EndpointsJson),
        });
    }

    private static string? FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrEmpty(first) ? first : !string.IsNullOrEmpty(second) ? second : null;
}
