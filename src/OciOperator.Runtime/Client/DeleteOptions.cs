namespace OciOperator.Runtime.Client;

/// <summary>
/// How a delete is done: what happens to dependents (<c>propagationPolicy</c>) and the preconditions that make it
/// safe (<c>preconditions.uid</c>, <c>preconditions.resourceVersion</c>): a delete meant for one incarnation of an
/// object never removes a newer object that took its name.
/// </summary>
/// <param name="Propagation">What happens to the object's dependents.</param>
/// <param name="Uid">Delete only if the object still has this UID (else 409 Conflict).</param>
/// <param name="ResourceVersion">Delete only if the object is still at this resourceVersion (else 409 Conflict).</param>
public sealed record DeleteOptions(DeletePropagation Propagation = DeletePropagation.Background, string? Uid = null, string? ResourceVersion = null)
{
    /// <summary>Background propagation, no preconditions.</summary>
    public static DeleteOptions Default { get; } = new();
}
