namespace OciOperator.Oci.Mysql;

/// <summary>Database console configuration.</summary>
public sealed record DatabaseConsoleDetails
{
    public EnabledState? Status { get; init; }

    public int? Port { get; init; }
}
