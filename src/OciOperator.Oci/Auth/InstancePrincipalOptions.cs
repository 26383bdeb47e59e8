namespace OciOperator.Oci.Auth;

/// <summary>Where the instance-principal flow talks to (overridable for tests and emulators).</summary>
public sealed record InstancePrincipalOptions
{
    /// <summary>Default IMDS v2 base.</summary>
    public static readonly Uri DefaultMetadataBaseUrl = new("http://169.254.169.254/opc/v2/");

    /// <summary>IMDS base URL (env <c>OCI_METADATA_BASE_URL</c> in the Go SDK).</summary>
    public Uri MetadataBaseUrl { get; init; } = DefaultMetadataBaseUrl;

    /// <summary>Federation endpoint (scheme + host[:port]); default <c>https://auth.&lt;region&gt;.&lt;domain&gt;</c>.</summary>
    public Uri? FederationEndpoint { get; init; }

    /// <summary>Known region (skips the IMDS region call).</summary>
    public string? Region { get; init; }

    /// <summary>Refresh this long before the token's <c>exp</c>.</summary>
    public TimeSpan RefreshBuffer { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>IMDS region call attempts (network errors and 5xx are retried).</summary>
    public int RegionAttempts { get; init; } = 5;

    /// <summary>Federation call attempts (non-4xx failures are retried with 1, 2, 4 s pauses).</summary>
    public int FederationAttempts { get; init; } = 3;
}
