namespace OciOperator.Runtime.Client;

/// <summary>The patch content types the runtime sends.</summary>
public enum PatchKind
{
    /// <summary><c>application/merge-patch+json</c> (RFC 7386).</summary>
    Merge,

    /// <summary><c>application/json-patch+json</c> (RFC 6902), used with a <c>test</c> op for conflict safety.</summary>
    Json,
}
