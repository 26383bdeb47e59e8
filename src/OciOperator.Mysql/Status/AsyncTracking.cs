using OciOperator.Mysql.Api;

namespace OciOperator.Mysql.Status;

/// <summary>
/// OSOK's <c>status.status.async.current</c>, read from the lifecycle: the OCI operation in progress (create, update,
/// delete) with its work request when known; cleared once Active; marked failed when the operation failed.
/// <c>updatedAt</c> moves only when something else changed, so polling writes nothing.
/// </summary>
internal static class AsyncTracking
{
    public static OsokAsyncStatus? Next(OsokAsyncStatus? previous, string conditionType, string? lifecycleState, string? workRequestId, string message, DateTimeOffset now)
    {
        var current = previous?.Current;
        OsokAsyncOperation? next = conditionType switch
        {
            DbSystemConditionType.Provisioning => Pending("create"),
            DbSystemConditionType.Updating => Pending("update"),
            DbSystemConditionType.Terminating => Pending("delete"),
            DbSystemConditionType.Failed when current is not null => current with { NormalizedClass = "failed", RawStatus = lifecycleState ?? current.RawStatus, Message = message },
            _ => null,
        };
        if (next is null)
        {
            return null;
        }

        if (current is not null && (current with { UpdatedAt = null }) == (next with { UpdatedAt = null }))
        {
            return previous;
        }

        return new OsokAsyncStatus { Current = next with { UpdatedAt = now } };

        OsokAsyncOperation Pending(string phase) => new()
        {
            Source = "lifecycle",
            Phase = phase,
            WorkRequestId = workRequestId ?? (current?.Phase == phase ? current.WorkRequestId : null),
            RawStatus = lifecycleState,
            NormalizedClass = "pending",
            Message = message,
        };
    }
}
