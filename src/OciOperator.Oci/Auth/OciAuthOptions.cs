namespace OciOperator.Oci.Auth;

/// <summary>Auth configuration (bound from the <c>Oci:Auth</c> section; the OSOK environment fills the gaps).</summary>
public sealed class OciAuthOptions
{
    /// <summary>Explicit auth mode (overrides <c>AUTH_TYPE</c>); null → OSOK selection from the environment.</summary>
    public string? Mode { get; set; }

    /// <summary>OCI config file; default <c>OCI_CONFIG_FILE_PATH</c>, then <c>/etc/oci/config</c> (OSOK), then <c>~/.oci/config</c>.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Config profile; default <c>OCI_CONFIG_PROFILE</c>, then DEFAULT.</summary>
    public string? Profile { get; set; }

    /// <summary>Region override (id or short code).</summary>
    public string? Region { get; set; }

    /// <summary>IMDS base URL (default <c>OCI_METADATA_BASE_URL</c>, then <c>http://169.254.169.254/opc/v2/</c>).</summary>
    public Uri? MetadataBaseUrl { get; set; }

    /// <summary>Federation endpoint (default <c>OCI_SDK_AUTH_CLIENT_REGION_URL</c>, then <c>https://auth.&lt;region&gt;.&lt;domain&gt;</c>).</summary>
    public Uri? FederationEndpoint { get; set; }

    /// <summary>OKE proxymux endpoint override (default <c>https://$KUBERNETES_SERVICE_HOST:12250</c>).</summary>
    public Uri? ProxymuxEndpoint { get; set; }
}
