namespace OciOperator.Oci.Mysql;

/// <summary>An error of a work request.</summary>
public sealed record WorkRequestError
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? Timestamp { get; init; }
}
