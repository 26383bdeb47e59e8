using System.Text.Json.Nodes;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Status;
using OciOperator.Runtime.Events;
using DbSystem = OciOperator.Mysql.Api.DbSystem;

namespace OciOperator.Mysql.Controllers;

internal sealed partial class DbSystemReconciler
{
    /// <summary>
    /// Writes <paramref name="status"/> with <paramref name="change"/> as the current condition (one entry per type,
    /// current last, Ready before it), <c>status.status.message/reason</c> and <c>observedGeneration</c>. Nothing is
    /// written when nothing changed (so polling costs no API writes), and <c>updatedAt</c> moves only with a change.
    /// An Event announces a new current condition or reason.
    /// </summary>
    private async Task<DbSystem> WriteStateAsync(DbSystem dbSystem, DbSystemStatus status, StateChange change, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var previous = dbSystem.Status;
        var before = OsokConditions.Current(previous?.Status.Conditions);
        var readyReason = change.ReadyReason ?? (change.Ready ? DbSystemConditionReason.Reconciled : change.Reason);
        var readyMessage = change.ReadyMessage ?? change.Message;
        var conditions = OsokConditions.SetCurrent(previous?.Status.Conditions, change.Type, change.Reason, change.Message, change.Ready, readyReason, readyMessage, now);
        var ready = conditions.Single(c => c.Type == DbSystemConditionType.Ready);
        var next = status with
        {
            Conditions = [StandardConditions.From(ready, dbSystem.Metadata.Generation)],
            ObservedGeneration = dbSystem.Metadata.Generation ?? status.ObservedGeneration,
            Status = status.Status with
            {
                Conditions = conditions,
                Async = AsyncTracking.Next(previous?.Status.Async, change.Type, status.LifecycleState, change.WorkRequestId, change.Message, now),
                Message = change.Message,
                Reason = change.Type,
                UpdatedAt = previous?.Status.UpdatedAt,
            },
        };
        if (previous is null || !JsonNode.DeepEquals(ApiJson.ToObject(previous), ApiJson.ToObject(next)))
        {
            next = next with { Status = next.Status with { UpdatedAt = now } };
            var (written, _) = await _statusWriter.UpdateStatusAsync(Type, dbSystem, d => d.Status = next, ct).ConfigureAwait(false);
            dbSystem = written;
        }

        if (change.ForceEvent || before is null || before.Type != change.Type || before.Reason != change.Reason || before.Status != "True")
        {
            await events.RecordAsync(dbSystem, change.EventType, change.Reason, change.Type, change.EventMessage ?? change.Message, ct).ConfigureAwait(false);
        }

        return dbSystem;
    }

    private Task RecordAsync(DbSystem dbSystem, string reason, string action, string message, CancellationToken ct, string type = EventRecorder.Normal) =>
        events.RecordAsync(dbSystem, type, reason, action, message, ct);

    private DbSystemLastApplied LastApplied(DbSystem dbSystem, string? usernameVersion, string? passwordVersion) => new()
    {
        Generation = dbSystem.Metadata.Generation,
        Spec = dbSystem.Spec,
        AdminUsernameSecretVersion = usernameVersion,
        AdminPasswordSecretVersion = passwordVersion,
        Time = time.GetUtcNow(),
    };
}
