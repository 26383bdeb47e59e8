namespace OciOperator.Mysql.Controllers;

/// <summary>
/// The state a reconcile reports: the current condition (type, reason, message), whether the resource is Ready, and
/// how the transition is announced (an Event when the current condition's type or reason changes, or always with
/// <see cref="ForceEvent"/>). <see cref="WorkRequestId"/> is the OCI work request of an operation just started.
/// <see cref="EventMessage"/> replaces <see cref="Message"/> in the Event (a message without per-attempt ids, so
/// repeats aggregate).
/// </summary>
internal sealed record StateChange(
    string Type,
    string Reason,
    string Message,
    bool Ready = false,
    string? ReadyReason = null,
    string? ReadyMessage = null,
    string EventType = "Normal",
    bool ForceEvent = false,
    string? WorkRequestId = null,
    string? EventMessage = null);
