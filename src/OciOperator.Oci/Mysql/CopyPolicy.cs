namespace OciOperator.Oci.Mysql;

/// <summary>Cross-region backup copy policy.</summary>
public sealed record CopyPolicy
{
    public string? CopyToRegion { get; init; }

    public int? BackupCopyRetentionInDays { get; init; }
}
