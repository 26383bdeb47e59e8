using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>ENABLED / DISABLED switches (console, soft delete, crash recovery, database management). String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<EnabledState>))]
public readonly record struct EnabledState(string Value) : IOciEnum<EnabledState>
{
    /// <summary><c>ENABLED</c>.</summary>
    public static EnabledState Enabled { get; } = new("ENABLED");

    /// <summary><c>DISABLED</c>.</summary>
    public static EnabledState Disabled { get; } = new("DISABLED");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<EnabledState> Known { get; } = [Enabled, Disabled];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static EnabledState FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
