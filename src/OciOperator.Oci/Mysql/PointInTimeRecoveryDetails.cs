namespace OciOperator.Oci.Mysql;

/// <summary>Point-in-time recovery range.</summary>
public sealed record PointInTimeRecoveryDetails
{
    public DateTimeOffset? TimeEarliestRecoveryPoint { get; init; }

    public DateTimeOffset? TimeLatestRecoveryPoint { get; init; }
}
