namespace OciOperator.Oci.Mysql;

/// <summary>REST configuration.</summary>
public sealed record RestDetails
{
    public RestConfiguration? Configuration { get; init; }

    public int? Port { get; init; }
}
