namespace OciOperator.Sandbox.Oci;

/// <summary>How an injected fault fails a call.</summary>
public enum OciFaultKind
{
    /// <summary>Answer with an OCI error status (429, 500, 502, 503, 504, ...).</summary>
    Status,

    /// <summary>Never answer; the client has to time out.</summary>
    Hang,

    /// <summary>Abort the TCP connection without a response.</summary>
    ConnectionReset,
}
