namespace OciOperator.Cel.Planning;

/// <summary>What an <see cref="OptionalChainNode"/> returns.</summary>
internal enum OptionalChainMode
{
    /// <summary>The optional itself (<c>a.?b.?c</c>).</summary>
    Optional,

    /// <summary><c>a.?b.?c.orValue(d)</c>: the value, or the default when absent.</summary>
    OrValue,

    /// <summary><c>a.?b.?c.hasValue()</c>.</summary>
    HasValue,
}
