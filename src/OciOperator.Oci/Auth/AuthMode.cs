namespace OciOperator.Oci.Auth;

/// <summary>The OSOK-compatible auth modes (osok.md §6) this client implements.</summary>
public enum AuthMode
{
    /// <summary><c>instance_principal</c> (the default).</summary>
    InstancePrincipal,

    /// <summary><c>user_principal</c>: raw env fields or a config file.</summary>
    UserPrincipal,

    /// <summary><c>security_token</c>: config file with <c>security_token_file</c>.</summary>
    SecurityToken,

    /// <summary><c>resource_principal</c> v2.2.</summary>
    ResourcePrincipal,

    /// <summary><c>oke_workload_identity</c>.</summary>
    OkeWorkloadIdentity,
}
