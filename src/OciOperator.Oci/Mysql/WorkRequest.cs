namespace OciOperator.Oci.Mysql;

/// <summary>A work request (oci.md §5.5).</summary>
public sealed record WorkRequest
{
    public string? Id { get; init; }

    public WorkRequestOperationType? OperationType { get; init; }

    public WorkRequestStatus? Status { get; init; }

    public string? CompartmentId { get; init; }

    public IReadOnlyList<WorkRequestResource>? Resources { get; init; }

    public float? PercentComplete { get; init; }

    public DateTimeOffset? TimeAccepted { get; init; }

    public DateTimeOffset? TimeStarted { get; init; }

    public DateTimeOffset? TimeFinished { get; init; }
}
