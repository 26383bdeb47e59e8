namespace OciOperator.Schemas.Crd;

/// <summary>A C# type cannot be expressed as a structural OpenAPI schema; the message names the type and property.</summary>
public sealed class CrdSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CrdSchemaException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CrdSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CrdSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
