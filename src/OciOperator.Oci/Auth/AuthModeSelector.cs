namespace OciOperator.Oci.Auth;

/// <summary>
/// OSOK's auth-type resolution (osok.md §6): explicit <c>AUTH_TYPE</c> wins; else <c>USEINSTANCEPRINCIPAL=true</c> with
/// no user-principal input → instance principal; else any of TENANCY/USER/REGION/FINGERPRINT/PRIVATEKEY/
/// OCI_CONFIG_FILE_PATH/OCI_CONFIG_PROFILE → user principal; else instance principal.
/// </summary>
public static class AuthModeSelector
{
    /// <summary>Environment variables that indicate user-principal input.</summary>
    public static IReadOnlyList<string> UserPrincipalVariables { get; } =
        ["TENANCY", "USER", "REGION", "FINGERPRINT", "PRIVATEKEY", "OCI_CONFIG_FILE_PATH", "OCI_CONFIG_PROFILE"];

    /// <summary>Parses an auth-type name (case-insensitive; OSOK's aliases accepted).</summary>
    public static AuthMode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToLowerInvariant().Replace('-', '_') switch
        {
            "instance_principal" or "instanceprincipal" or "instance" => AuthMode.InstancePrincipal,
            "user_principal" or "userprincipal" or "user" or "api_key" => AuthMode.UserPrincipal,
            "security_token" or "session_token" or "session" => AuthMode.SecurityToken,
            "resource_principal" or "resourceprincipal" or "resource" => AuthMode.ResourcePrincipal,
            "oke_workload_identity" or "workload_identity" => AuthMode.OkeWorkloadIdentity,
            "instance_principal_with_certs" or "instance_principal_delegation_token" or "instance_principle_delegation_token"
                or "resource_principal_delegation_token" or "workload_identity_federation" or "oauth_delegation_token" =>
                throw new OciConfigurationException($"Auth type '{value.Trim()}' is not supported by this operator."),
            _ => throw new OciConfigurationException(
                $"Unknown auth type '{value.Trim()}' (expected instance_principal, user_principal, security_token, resource_principal or oke_workload_identity)."),
        };
    }

    /// <summary>Selects the mode. <paramref name="explicitMode"/> (e.g. a command-line flag) wins over the environment.</summary>
    public static AuthMode Select(Func<string, string?> environment, string? explicitMode = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(explicitMode))
        {
            return Parse(explicitMode);
        }

        if (environment("AUTH_TYPE") is { Length: > 0 } authType && !string.IsNullOrWhiteSpace(authType))
        {
            return Parse(authType);
        }

        var hasUserInput = UserPrincipalVariables.Any(v => !string.IsNullOrEmpty(environment(v)));
        var useInstance = string.Equals(environment("USEINSTANCEPRINCIPAL")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        if (useInstance && !hasUserInput)
        {
            return AuthMode.InstancePrincipal;
        }

        return hasUserInput ? AuthMode.UserPrincipal : AuthMode.InstancePrincipal;
    }
}
