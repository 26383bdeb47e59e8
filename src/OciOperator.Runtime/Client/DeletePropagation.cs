namespace OciOperator.Runtime.Client;

/// <summary>The garbage collector's treatment of dependents on delete (<c>DeleteOptions.propagationPolicy</c>).</summary>
public enum DeletePropagation
{
    /// <summary>The object goes at once; the garbage collector deletes its dependents afterwards.</summary>
    Background,

    /// <summary>The object stays (with the <c>foregroundDeletion</c> finalizer) until its blocking dependents are gone.</summary>
    Foreground,

    /// <summary>The object goes; its dependents stay, with their owner reference removed.</summary>
    Orphan,
}
