using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;

namespace OciOperator.Oci;

/// <summary>OCI client settings, bound from the <c>Oci</c> configuration section.</summary>
public sealed class OciClientOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Oci";

    /// <summary>Authentication.</summary>
    public OciAuthOptions Auth { get; set; } = new();

    /// <summary>MySQL endpoint override including the base path, e.g. <c>http://127.0.0.1:8080/20190415</c>.</summary>
    public Uri? MysqlEndpoint { get; set; }

    /// <summary>
    /// Identity API endpoint override including the base path, e.g. <c>http://127.0.0.1:8080/20160918</c>. When unset and
    /// <see cref="MysqlEndpoint"/> is set, the same host serves it (the Sandbox's emulator); else the region's.
    /// </summary>
    public Uri? IdentityEndpoint { get; set; }

    /// <summary>Retry, circuit breaker, timeout, rate limit.</summary>
    public OciResilienceOptions Resilience { get; set; } = new();
}
