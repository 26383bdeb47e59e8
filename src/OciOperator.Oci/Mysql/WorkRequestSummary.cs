namespace OciOperator.Oci.Mysql;

/// <summary>A work request list item.</summary>
public sealed record WorkRequestSummary
{
    public string? Id { get; init; }

    public WorkRequestOperationType? OperationType { get; init; }

    public WorkRequestStatus? Status { get; init; }

    public string? CompartmentId { get; init; }

    public float? PercentComplete { get; init; }

    public DateTimeOffset? TimeAccepted { get; init; }

    public DateTimeOffset? TimeStarted { get; init; }

    public DateTimeOffset? TimeFinished { get; init; }
}
