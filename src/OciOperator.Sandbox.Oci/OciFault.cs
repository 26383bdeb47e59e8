namespace OciOperator.Sandbox.Oci;

/// <summary>One injected failure.</summary>
/// <param name="StatusCode">For <see cref="OciFaultKind.Status"/>: the HTTP status.</param>
/// <param name="RetryAfter">Sent as the <c>retry-after</c> header (whole seconds) when set.</param>
/// <param name="AfterProcessing">
/// When true the request is carried out first and only its answer is replaced by the fault (a lost response: the
/// DbSystem exists although the client saw a 5xx or a reset) — what <c>opc-retry-token</c> exists for.
/// </param>
public sealed record OciFault(OciFaultKind Kind, int StatusCode = 0, TimeSpan? RetryAfter = null, bool AfterProcessing = false)
{
    /// <summary>The OCI error code answered for <see cref="StatusCode"/>.</summary>
    public string Code => Kind switch
    {
        OciFaultKind.Hang => "Timeout",
        OciFaultKind.ConnectionReset => "ConnectionReset",
        _ => StatusCode switch
        {
            401 => "NotAuthenticated",
            404 => "NotAuthorizedOrNotFound",
            412 => "NoEtagMatch",
            429 => "TooManyRequests",
            500 => "InternalServerError",
            501 => "MethodNotImplemented",
            502 => "BadGateway",
            503 => "ServiceUnavailable",
            504 => "GatewayTimeout",
            409 => "IncorrectState",
            _ => "InjectedFault",
        },
    };
}
