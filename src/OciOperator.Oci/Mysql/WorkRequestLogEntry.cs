namespace OciOperator.Oci.Mysql;

/// <summary>A log entry of a work request.</summary>
public sealed record WorkRequestLogEntry
{
    public string? Message { get; init; }

    public DateTimeOffset? Timestamp { get; init; }
}
