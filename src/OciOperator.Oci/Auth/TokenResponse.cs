namespace OciOperator.Oci.Auth;

/// <summary><c>{"token":"..."}</c>.</summary>
internal sealed record TokenResponse(string? Token);
