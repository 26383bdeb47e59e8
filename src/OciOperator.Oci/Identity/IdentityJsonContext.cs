using System.Text.Json.Serialization;

namespace OciOperator.Oci.Identity;

/// <summary>Source-generated JSON for the identity API's documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<AvailabilityDomain>))]
public sealed partial class IdentityJsonContext : JsonSerializerContext;
