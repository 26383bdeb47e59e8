namespace OciOperator.Schemas.Crd;

/// <summary>
/// Sets the OpenAPI <c>format</c> of a string property that is kept as text in C# (e.g. <c>date-time</c> for an RFC 3339
/// value passed through to OCI unchanged).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CrdFormatAttribute(string format) : Attribute
{
    /// <summary>The OpenAPI format.</summary>
    public string Format { get; } = format;
}
