namespace OciOperator.Oci.Http;

/// <summary>One page of a list call; <see cref="NextPage"/> is null on the last page.</summary>
public sealed record OciPage<T>(IReadOnlyList<T> Items, string? NextPage, string? OpcRequestId);
