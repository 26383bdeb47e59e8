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
    public static async ValueTask<Uri> ResolveIdentityAsync(Uri? overrideEndpoint, Uri? mysqlOverride, string? region, IAuthenticationProvider auth, OciRegions regions, CancellationToken ct)
    {
        if (overrideEndpoint is not null)
        {
            return overrideEndpoint;
        }

        if (mysqlOverride is not null)
        {
            return new Uri(mysqlOverride, "/20160918");
        }

        return (await ResolveRegionAsync(region, auth, regions, ct).ConfigureAwait(false)).IdentityEndpoint;
    }

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

        return (await ResolveRegionAsync(region, auth, regions, ct).ConfigureAwait(false)).MysqlEndpoint;
    }

    private static async ValueTask<OciRegion> ResolveRegionAsync(string? region, IAuthenticationProvider auth, OciRegions regions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(regions);
        var name = region ?? auth.Region;
        if (name is null && auth is InstancePrincipalAuthenticationProvider instance)
        {
            name = (await instance.GetRegionAsync(ct).ConfigureAwait(false)).Id;
        }

        return name is null
            ? throw new OciConfigurationException("No OCI region is configured (set the region, REGION, or the config file's 'region').")
            : regions.Resolve(name);
    }
}
