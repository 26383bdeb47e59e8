using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Sort order. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<SortOrder>))]
public readonly record struct SortOrder(string Value) : IOciEnum<SortOrder>
{
    /// <summary><c>ASC</c>.</summary>
    public static SortOrder Asc { get; } = new("ASC");

    /// <summary><c>DESC</c>.</summary>
    public static SortOrder Desc { get; } = new("DESC");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<SortOrder> Known { get; } = [Asc, Desc];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static SortOrder FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
