namespace OciOperator.Oci.Auth;

/// <summary>The kinds of principal the client can authenticate as.</summary>
public enum PrincipalType
{
    /// <summary>API-key user (config file or environment).</summary>
    User,

    /// <summary>Session token from a config file's <c>security_token_file</c>.</summary>
    SessionToken,

    /// <summary>Compute instance principal (IMDS + federation).</summary>
    Instance,

    /// <summary>Resource principal v2.2 from the environment.</summary>
    Resource,

    /// <summary>OKE workload identity.</summary>
    OkeWorkloadIdentity,
}
