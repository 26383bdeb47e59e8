namespace OciOperator.Oci.Auth;

/// <summary>Body of the OKE proxymux token request.</summary>
internal sealed record PodKeyRequest(string PodKey);
