using System.Text.Json.Serialization;

namespace OciOperator.Oci.Http;

/// <summary>Source-generated JSON for OCI's error document, shared by every service's client.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OciErrorBody))]
public sealed partial class OciErrorJsonContext : JsonSerializerContext;
