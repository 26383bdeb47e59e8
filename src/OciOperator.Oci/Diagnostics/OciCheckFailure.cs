namespace OciOperator.Oci.Diagnostics;

/// <summary>The diagnosed cause of a failed check.</summary>
public enum OciCheckFailure
{
    /// <summary>The check passed.</summary>
    None,

    /// <summary>Configuration is missing or malformed (config file, environment, key).</summary>
    BadConfiguration,

    /// <summary>Credentials could not be obtained (metadata service, federation, token exchange).</summary>
    AuthenticationFailed,

    /// <summary>401 with a server clock more than 5 minutes away from ours.</summary>
    ClockSkew,

    /// <summary>401 NotAuthenticated: unknown key/fingerprint, wrong tenancy/user, or revoked token.</summary>
    NotAuthenticated,

    /// <summary>404 NotAuthorizedOrNotFound on the list: an IAM policy statement is missing (or the compartment is wrong).</summary>
    MissingPolicy,

    /// <summary>DNS or connection failure: wrong region or endpoint, or no network path.</summary>
    EndpointUnreachable,

    /// <summary>Any other service error.</summary>
    ServiceError,
}
