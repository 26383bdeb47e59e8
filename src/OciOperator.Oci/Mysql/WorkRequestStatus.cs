using System.Text.Json.Serialization;
using OciOperator.Oci.Serialization;

namespace OciOperator.Oci.Mysql;

/// <summary>Work request status. String-backed: unknown values are kept (<see cref="IsKnown"/> is false).</summary>
[JsonConverter(typeof(OciEnumJsonConverter<WorkRequestStatus>))]
public readonly record struct WorkRequestStatus(string Value) : IOciEnum<WorkRequestStatus>
{
    /// <summary><c>ACCEPTED</c>.</summary>
    public static WorkRequestStatus Accepted { get; } = new("ACCEPTED");

    /// <summary><c>IN_PROGRESS</c>.</summary>
    public static WorkRequestStatus InProgress { get; } = new("IN_PROGRESS");

    /// <summary><c>FAILED</c>.</summary>
    public static WorkRequestStatus Failed { get; } = new("FAILED");

    /// <summary><c>SUCCEEDED</c>.</summary>
    public static WorkRequestStatus Succeeded { get; } = new("SUCCEEDED");

    /// <summary><c>CANCELING</c>.</summary>
    public static WorkRequestStatus Canceling { get; } = new("CANCELING");

    /// <summary><c>CANCELED</c>.</summary>
    public static WorkRequestStatus Canceled { get; } = new("CANCELED");

    /// <summary>The values this client knows.</summary>
    public static IReadOnlyList<WorkRequestStatus> Known { get; } = [Accepted, InProgress, Failed, Succeeded, Canceling, Canceled];

    /// <summary>False when the service sent a value this client does not know.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static WorkRequestStatus FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
