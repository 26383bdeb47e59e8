namespace OciOperator.Oci.Mysql;

/// <summary>A resource a work request touches.</summary>
public sealed record WorkRequestResource
{
    public string? EntityType { get; init; }

    public WorkRequestActionType? ActionType { get; init; }

    public string? Identifier { get; init; }

    public string? EntityUri { get; init; }
}
