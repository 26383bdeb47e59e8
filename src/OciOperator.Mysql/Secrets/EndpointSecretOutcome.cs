namespace OciOperator.Mysql.Secrets;

/// <summary>What syncing the endpoint Secret did (or why it could not).</summary>
internal enum EndpointSecretOutcome
{
    /// <summary>The Secret already held the right data.</summary>
    Unchanged,

    /// <summary>The Secret was created.</summary>
    Created,

    /// <summary>The Secret's data (or ownership marks) were corrected.</summary>
    Updated,

    /// <summary>A Secret of that name exists and is not ours; it was left alone.</summary>
    NotOwned,

    /// <summary>The status lacks a required field (no address yet).</summary>
    Incomplete,
}
