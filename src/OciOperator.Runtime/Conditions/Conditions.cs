using k8s.Models;

namespace OciOperator.Runtime.Conditions;

/// <summary>
/// Condition list helpers (apimachinery's <c>meta.SetStatusCondition</c>): one entry per type,
/// <c>lastTransitionTime</c> moves only when the status changes, <c>observedGeneration</c> is recorded.
/// </summary>
public static class Conditions
{
    /// <summary>The condition statuses.</summary>
    public const string True = "True";

    public const string False = "False";

    public const string Unknown = "Unknown";

    /// <summary>Sets (adds or updates) the condition of <paramref name="type"/>; returns whether anything changed.</summary>
    public static bool Set(IList<V1Condition> conditions, string type, string status, string reason, string message, long? observedGeneration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentNullException.ThrowIfNull(time);
        var existing = Find(conditions, type);
        if (existing is null)
        {
            conditions.Add(new V1Condition
            {
                Type = type,
                Status = status,
                Reason = reason,
                Message = message,
                ObservedGeneration = observedGeneration,
                LastTransitionTime = Truncate(time.GetUtcNow()),
            });
            return true;
        }

        var changed = false;
        if (existing.Status != status)
        {
            existing.Status = status;
            existing.LastTransitionTime = Truncate(time.GetUtcNow());
            changed = true;
        }

        changed |= Assign(existing.Reason, reason, v => existing.Reason = v);
        changed |= Assign(existing.Message, message, v => existing.Message = v);
        if (existing.ObservedGeneration != observedGeneration)
        {
            existing.ObservedGeneration = observedGeneration;
            changed = true;
        }

        return changed;
    }

    /// <summary>The condition of <paramref name="type"/>, or null.</summary>
    public static V1Condition? Find(IEnumerable<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.Ordinal));

    /// <summary>True when the condition exists with status <c>True</c>.</summary>
    public static bool IsTrue(IEnumerable<V1Condition>? conditions, string type) => Find(conditions, type)?.Status == True;

    /// <summary>Removes the condition of <paramref name="type"/>; returns whether it was there.</summary>
    public static bool Remove(IList<V1Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var existing = Find(conditions, type);
        return existing is not null && conditions.Remove(existing);
    }

    // Kubernetes Time has second precision on the wire; keep it so an unchanged condition round-trips equal.
    private static DateTime Truncate(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static bool Assign(string? current, string value, Action<string> set)
    {
        if (string.Equals(current, value, StringComparison.Ordinal))
        {
            return false;
        }

        set(value);
        return true;
    }
}
