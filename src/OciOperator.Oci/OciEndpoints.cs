using OciOperator.Oci.Auth;
using OciOperator.Oci.Regions;

namespace OciOperator.Oci;

/// <summary>Resolves service endpoints from the override, the configured region or the principal's region.</summary>
public static class OciEndpoints
{
    /// <summary>
    /// The MySQL endpoint: the explicit override if set; else <c>https://mysql.&lt;region&gt;.ocp.&lt;domain&gt;/20190415</c> for
    /// the configured region, the provider's region, or (instance principal) the metadata service's region.
    /// </summary>
    public static async ValueTask<Uri> ResolveMysqlAsync(Uri? overrideEndpoint, string? region, IAuthenticationProvider auth, OciRegions regions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(regions);
        if (overrideEndpoint is not null)
        {
            return overrideEndpoint;
        }

        var name = region ?? auth.Region;
        if (name is null && auth is InstancePrincipalAuthenticationProvider instance)
        {
            name = (await instance.GetRegionAsync(ct).ConfigureAwait(false)).Id;
        }

        return name is null
            ? throw new OciConfigurationException("No OCI region is configured (set the region, REGION, or the config file's 'region').")
            : regions.Resolve(name).MysqlEndpoint;
    }
}
