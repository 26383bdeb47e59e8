namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>The emulator's state of one work request; only touched under <see cref="MysqlService"/>'s lock.</summary>
internal sealed class WorkRequestRecord
{
    public required string Id { get; init; }

    /// <summary>CREATE_DBSYSTEM, UPDATE_DBSYSTEM or DELETE_DBSYSTEM.</summary>
    public required string OperationType { get; init; }

    public required string CompartmentId { get; init; }

    public required string DbSystemId { get; init; }

    /// <summary>CREATED, UPDATED or DELETED: what happens to the DbSystem when the request succeeds.</summary>
    public required string ActionType { get; init; }

    public required DateTimeOffset TimeAccepted { get; init; }

    public required DateTimeOffset TimeDue { get; init; }

    /// <summary>ACCEPTED/IN_PROGRESS until finished, then SUCCEEDED or FAILED.</summary>
    public string Status { get; set; } = "IN_PROGRESS";

    public DateTimeOffset? TimeFinished { get; set; }

    public List<(string Message, DateTimeOffset Timestamp)> Logs { get; } = [];

    public List<(string Code, string Message, DateTimeOffset Timestamp)> Errors { get; } = [];

    public bool IsFinished => Status is "SUCCEEDED" or "FAILED" or "CANCELED";

    public double PercentComplete(DateTimeOffset now)
    {
        if (IsFinished)
        {
            return Status == "SUCCEEDED" ? 100.0 : 0.0;
        }

        var total = (TimeDue - TimeAccepted).TotalMilliseconds;
        return total <= 0 ? 99.0 : Math.Clamp(Math.Floor((now - TimeAccepted).TotalMilliseconds / total * 100.0), 0.0, 99.0);
    }

    public void Finish(string status, DateTimeOffset at, string message)
    {
        Status = status;
        TimeFinished = at;
        Logs.Add((message, at));
    }
}
