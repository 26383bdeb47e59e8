namespace OciOperator.Runtime.Client;

/// <summary>
/// The items of a list, the list's resourceVersion (where a watch continues from), and the objects that could not
/// be decoded (skipped, never failing the list).
/// </summary>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string ResourceVersion)
{
    /// <summary>Objects of the list that could not be decoded into <typeparamref name="T"/>.</summary>
    public IReadOnlyList<DecodeFailure> Undecodable { get; init; } = [];
}
