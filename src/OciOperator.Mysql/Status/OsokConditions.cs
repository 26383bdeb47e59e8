using OciOperator.Mysql.Api;

namespace OciOperator.Mysql.Status;

/// <summary>
/// Keeps <c>status.status.conditions</c> as OSOK's users read it: one entry per type, the current state last (the
/// <c>conditions[-1].type</c> printer column), never a growing history. Setting a new current state turns the other
/// state types False; <c>Ready</c> is kept just before the current state.
/// </summary>
internal static class OsokConditions
{
    private static readonly string[] StateTypes =
    [
        DbSystemConditionType.Provisioning, DbSystemConditionType.Updating, DbSystemConditionType.Active,
        DbSystemConditionType.Failed, DbSystemConditionType.Terminating,
    ];

    /// <summary>The current state (the last entry that is not Ready), or null.</summary>
    public static OsokCondition? Current(IEnumerable<OsokCondition>? conditions) =>
        conditions?.LastOrDefault(c => c.Type != DbSystemConditionType.Ready);

    /// <summary>
    /// The conditions with <paramref name="type"/> as the current state (True) and Ready set as given. Transition
    /// times are kept when a condition's status did not change.
    /// </summary>
    public static List<OsokCondition> SetCurrent(
        IEnumerable<OsokCondition>? existing, string type, string reason, string message, bool ready, string readyReason, string readyMessage, DateTimeOffset now)
    {
        var previous = (existing ?? []).Where(c => c.Type.Length > 0).GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var result = new List<OsokCondition>();
        foreach (var other in StateTypes.Where(t => t != type && previous.ContainsKey(t)))
        {
            result.Add(With(previous[other], "False", previous[other].Reason ?? other, previous[other].Message ?? string.Empty, now));
        }

        result.Add(With(previous.GetValueOrDefault(DbSystemConditionType.Ready), DbSystemConditionType.Ready, ready ? "True" : "False", readyReason, readyMessage, now));
        result.Add(With(previous.GetValueOrDefault(type), type, "True", reason, message, now));
        return result;
    }

    private static OsokCondition With(OsokCondition old, string status, string reason, string message, DateTimeOffset now) =>
        With(old, old.Type, status, reason, message, now);

    private static OsokCondition With(OsokCondition? old, string type, string status, string reason, string message, DateTimeOffset now) => new()
    {
        Type = type,
        Status = status,
        Reason = reason,
        Message = message,
        LastTransitionTime = old is not null && old.Status == status && old.LastTransitionTime is not null ? old.LastTransitionTime : Truncate(now),
    };

    /// <summary>Whole seconds in UTC (<c>metav1.Time</c> precision); the instant is kept whatever the offset of <paramref name="t"/>.</summary>
    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
