namespace OciOperator.Oci.Diagnostics;

/// <summary>Input of <c>oci-operator oci check</c>.</summary>
public sealed record OciCheckRequest(string CompartmentId)
{
    /// <summary>Auth mode (null → the operator's selection from the environment).</summary>
    public string? AuthMode { get; init; }

    public string? ConfigFile { get; init; }

    public string? Profile { get; init; }

    public string? Region { get; init; }

    /// <summary>MySQL endpoint override (including <c>/20190415</c>).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>IMDS base override (tests, emulator).</summary>
    public Uri? MetadataBaseUrl { get; init; }

    /// <summary>Federation endpoint override (tests, emulator).</summary>
    public Uri? FederationEndpoint { get; init; }
}
