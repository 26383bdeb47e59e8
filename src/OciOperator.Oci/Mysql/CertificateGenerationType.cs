using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Secure connection certificate source. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<CertificateGenerationType>))]
public readonly record struct CertificateGenerationType(string Value) : IOciEnum<CertificateGenerationType>
{
    /// <summary><c>SYSTEM</c>.</summary>
    public static CertificateGenerationType System { get; } = new("SYSTEM");

    /// <summary><c>BYOC</c>.</summary>
    public static CertificateGenerationType Byoc { get; } = new("BYOC");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<CertificateGenerationType> Known { get; } = [System, Byoc];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static CertificateGenerationType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
