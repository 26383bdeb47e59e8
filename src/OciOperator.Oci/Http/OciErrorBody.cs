namespace OciOperator.Oci.Http;

/// <summary>OCI's error document <c>{"code","message"}</c> (oci.md §5.6).</summary>
public sealed record OciErrorBody
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    public string? OriginalMessage { get; init; }
}
