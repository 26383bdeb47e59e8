namespace OciOperator.Oci.Mysql;

/// <summary>Encryption settings.</summary>
public sealed record EncryptData
{
    public KeyGenerationType? KeyGenerationType { get; init; }

    public string? KeyId { get; init; }
}
