namespace OciOperator.Oci.Mysql;

/// <summary>Deletion policy.</summary>
public sealed record DeletionPolicy
{
    public AutomaticBackupRetention? AutomaticBackupRetention { get; init; }

    public FinalBackup? FinalBackup { get; init; }

    public bool? IsDeleteProtected { get; init; }
}
