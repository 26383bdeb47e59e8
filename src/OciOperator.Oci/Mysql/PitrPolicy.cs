namespace OciOperator.Oci.Mysql;

/// <summary>Point-in-time recovery policy.</summary>
public sealed record PitrPolicy
{
    public bool? IsEnabled { get; init; }
}
