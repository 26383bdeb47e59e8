namespace OciOperator.Oci.Mysql;

/// <summary>Secure connection certificate settings.</summary>
public sealed record SecureConnections
{
    public CertificateGenerationType? CertificateGenerationType { get; init; }

    public string? CertificateId { get; init; }
}
