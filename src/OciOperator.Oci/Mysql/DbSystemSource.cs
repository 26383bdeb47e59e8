namespace OciOperator.Oci.Mysql;

/// <summary>Where a new DbSystem comes from; discriminated by sourceType (unknown types are kept).</summary>
public sealed record DbSystemSource
{
    public DbSystemSourceType? SourceType { get; init; }

    public string? BackupId { get; init; }

    public string? DbSystemId { get; init; }

    public DateTimeOffset? RecoveryPoint { get; init; }

    public string? SourceUrl { get; init; }
}
