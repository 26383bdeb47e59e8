namespace OciOperator.Oci.Mysql;

/// <summary>A customer contact.</summary>
public sealed record CustomerContact
{
    public string? Email { get; init; }
}
