using System.Text.Json.Serialization;

namespace OciOperator.Oci.Auth;

/// <summary>Source-generated JSON for the auth flows' small documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PodKeyRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(string))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
