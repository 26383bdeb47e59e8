namespace OciOperator.Oci.Auth;

/// <summary>Settings of the OKE workload identity flow (oci.md §2.4).</summary>
public sealed record OkeWorkloadIdentityOptions
{
    /// <summary>Proxymux endpoint; default <c>https://$KUBERNETES_SERVICE_HOST:12250</c>.</summary>
    public required Uri ProxymuxEndpoint { get; init; }

    /// <summary>The region (<c>OCI_RESOURCE_PRINCIPAL_REGION</c>).</summary>
    public required string Region { get; init; }

    /// <summary>Service-account token file, read on each refresh.</summary>
    public string ServiceAccountTokenPath { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>Refresh this long before <c>exp</c>.</summary>
    public TimeSpan RefreshBuffer { get; init; } = TimeSpan.FromMinutes(5);
}
