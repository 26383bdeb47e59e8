namespace OciOperator.Oci.Auth;

/// <summary>Obtaining credentials failed (metadata service, federation, token exchange). Never carries a secret.</summary>
public sealed class OciAuthenticationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OciAuthenticationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public OciAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OciAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>HTTP status of the failed call, when there was one.</summary>
    public int? StatusCode { get; init; }
}
