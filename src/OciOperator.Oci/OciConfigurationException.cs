namespace OciOperator.Oci;

/// <summary>
/// Bad or incomplete OCI client configuration (config file, environment, key material). The message names what
/// is wrong and where, and never contains a secret value.
/// </summary>
public sealed class OciConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OciConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public OciConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OciConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
