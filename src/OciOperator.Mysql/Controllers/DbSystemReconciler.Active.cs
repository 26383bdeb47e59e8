using OciOperator.Mysql.Api;
using OciOperator.Mysql.Credentials;
using OciOperator.Mysql.Diagnostics;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Secrets;
using OciOperator.Mysql.Status;
using OciOperator.Oci.Mysql;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Reconciliation;
using DbSystem = OciOperator.Mysql.Api.DbSystem;

namespace OciOperator.Mysql.Controllers;

internal sealed partial class DbSystemReconciler
{
    /// <summary>
    /// ACTIVE: refuse force-new changes (a condition, no OCI call); send the changed mutable fields and a new password
    /// in one UpdateDbSystem; at resync, restore out-of-band changes of the fields the spec sets; otherwise write the
    /// endpoint Secret and report Active/Ready.
    /// </summary>
    private async Task<ReconcileResult> ReconcileActiveAsync(DbSystem dbSystem, DbSystemStatus status, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ocid = status.Status.Ocid!;
        var lastApplied = dbSystem.Status?.LastApplied;
        var baseline = lastApplied?.Spec is null;
        var changes = baseline
            ? UpdatePlanner.AgainstLive(dbSystem, status, SpecFields.Mutable, checkForceNew: true)
            : UpdatePlanner.AgainstLastApplied(dbSystem, lastApplied!.Spec!, status.MysqlVersion);
        if (changes.NeedsReplacement)
        {
            metrics.Outcome(DbSystemOutcome.ReplacementRequired);
            var fields = string.Join(", ", changes.ForceNewFields);
            await WriteStateAsync(dbSystem, status, new(DbSystemConditionType.Failed, DbSystemConditionReason.ReplacementRequired, $"{fields} cannot change on an existing DB system (OCI would need a new one); nothing was sent to OCI. Revert the change, or delete this resource and create a new one.", EventType: EventRecorder.Warning), ct).ConfigureAwait(false);
            return ReconcileResult.After(options.ResyncPeriod);
        }

        var drift = false;
        if (!baseline && changes.Update is null && (lastApplied!.Time is null || now - lastApplied.Time.Value >= options.ResyncPeriod))
        {
            var outOfBand = UpdatePlanner.AgainstLive(dbSystem, status, SpecFields.DriftChecked, checkForceNew: false);
            if (outOfBand.Update is not null)
            {
                changes = outOfBand;
                drift = true;
            }
        }

        var password = PlanPassword(dbSystem, lastApplied, baseline);
        var update = changes.Update;
        if (password.Send is not null)
        {
            update = (update ?? new UpdateDbSystemDetails()) with { AdminPassword = password.Send };
        }

        if (update is not null)
        {
            metrics.Write("UpdateDbSystem");
            var result = await oci.UpdateDbSystemAsync(ocid, update, null, ct).ConfigureAwait(false);
            if (password.Send is not null)
            {
                fingerprints.Remember(dbSystem.Metadata.Uid, password.Send);
            }

            metrics.Outcome(drift ? DbSystemOutcome.DriftCorrected : DbSystemOutcome.Updated);
            var what = string.Join(", ", password.Send is null ? changes.UpdatedFields : [.. changes.UpdatedFields, "the admin password"]);
            LogUpdateSent(logger, dbSystem.Metadata.NamespaceProperty, dbSystem.Metadata.Name, ocid, what);
            status = status with
            {
                LastApplied = LastApplied(dbSystem, password.UsernameVersion, password.PasswordVersion),
                Status = status.Status with { RequestedAt = now, OpcRequestId = result.OpcRequestId ?? status.Status.OpcRequestId },
            };
            var change = drift
                ? new StateChange(DbSystemConditionType.Updating, DbSystemConditionReason.DriftCorrected, $"Out-of-band change of {what} found at resync; sent UpdateDbSystem to restore the spec.", EventType: EventRecorder.Warning, ForceEvent: true, WorkRequestId: result.OpcWorkRequestId)
                : new StateChange(DbSystemConditionType.Updating, DbSystemConditionReason.UpdateRequested, $"Sent UpdateDbSystem for {what}.", ForceEvent: true, WorkRequestId: result.OpcWorkRequestId);
            await WriteStateAsync(dbSystem, status, change, ct).ConfigureAwait(false);
            return ReconcileResult.After(PollSchedule.Next(options, now, now));
        }

        // Nothing was sent: record the spec and Secret versions as current, but keep the time of the last apply (it
        // paces the drift check).
        var current = LastApplied(dbSystem, password.UsernameVersion, password.PasswordVersion);
        status = status with { LastApplied = baseline ? current : current with { Time = lastApplied!.Time } };
        var secret = await endpointSecrets.SyncAsync(dbSystem, status, ct).ConfigureAwait(false);
        if (secret is EndpointSecretOutcome.Created or EndpointSecretOutcome.Updated)
        {
            await RecordAsync(dbSystem, secret == EndpointSecretOutcome.Created ? DbSystemConditionReason.EndpointSecretCreated : DbSystemConditionReason.EndpointSecretUpdated, "WriteEndpointSecret", $"Wrote the endpoint Secret {dbSystem.Metadata.NamespaceProperty}/{dbSystem.Metadata.Name}.", ct).ConfigureAwait(false);
        }

        var (ready, readyReason, readyMessage) = Readiness(dbSystem, secret, password.Problem);
        var previousReady = dbSystem.Status?.Status.Conditions?.LastOrDefault(c => c.Type == DbSystemConditionType.Ready);
        if (!ready && previousReady?.Reason != readyReason)
        {
            await RecordAsync(dbSystem, readyReason, "WriteEndpointSecret", readyMessage, ct, EventRecorder.Warning).ConfigureAwait(false);
        }

        metrics.Outcome(DbSystemOutcome.Active);
        await WriteStateAsync(dbSystem, status, new(DbSystemConditionType.Active, DbSystemConditionReason.Active, $"DB system {ocid} is ACTIVE.", ready, readyReason, readyMessage), ct).ConfigureAwait(false);
        return ReconcileResult.After(options.ResyncPeriod);
    }

    /// <summary>
    /// Whether the admin password must be sent: only when the password Secret (or the reference) changed since the
    /// last apply, and the value is not the one this process last sent. A bound DB system (no last apply) only records
    /// the versions: its password is not reset.
    /// </summary>
    private PasswordPlan PlanPassword(DbSystem dbSystem, DbSystemLastApplied? lastApplied, bool baseline)
    {
        var usernameVersion = lastApplied?.AdminUsernameSecretVersion;
        var passwordVersion = lastApplied?.AdminPasswordSecretVersion;
        var secretName = dbSystem.Spec.AdminPassword?.Secret?.SecretName;
        if (string.IsNullOrEmpty(secretName))
        {
            return new PasswordPlan(null, usernameVersion, passwordVersion, null);
        }

        var current = credentials.PasswordSecretVersion(dbSystem);
        var sameReference = lastApplied?.Spec?.AdminPassword?.Secret?.SecretName == secretName;
        if (current is not null && current == passwordVersion && sameReference)
        {
            return new PasswordPlan(null, usernameVersion, passwordVersion, null);
        }

        var (creds, problem) = credentials.Read(dbSystem);
        if (problem is not null)
        {
            return new PasswordPlan(null, usernameVersion, passwordVersion, problem);
        }

        var send = !baseline && creds!.Password is not null && !fingerprints.IsKnownSent(dbSystem.Metadata.Uid, creds.Password)
            ? creds.Password
            : null;
        return new PasswordPlan(send, creds!.UsernameSecretVersion, creds.PasswordSecretVersion, null);
    }

    private static (bool Ready, string Reason, string Message) Readiness(DbSystem dbSystem, EndpointSecretOutcome secret, CredentialProblem? problem)
    {
        var name = $"{dbSystem.Metadata.NamespaceProperty}/{dbSystem.Metadata.Name}";
        return secret switch
        {
            EndpointSecretOutcome.NotOwned => (false, DbSystemConditionReason.EndpointSecretNotOwned, $"Secret {name} exists and is not this DbSystem's (no label mysql.oracle.com/dbsystem-uid={dbSystem.Metadata.Uid}); it was left alone. Delete or rename it so the endpoint Secret can be written."),
            EndpointSecretOutcome.Incomplete => (false, DbSystemConditionReason.EndpointSecretIncomplete, "OCI has not reported the DB system's address and ports yet; the endpoint Secret is written when it does."),
            _ when problem is not null => (false, problem.Reason, problem.Message),
            _ => (true, DbSystemConditionReason.Reconciled, $"The DB system is ACTIVE and the endpoint Secret {name} is up to date."),
        };
    }

    private sealed record PasswordPlan(string? Send, string? UsernameVersion, string? PasswordVersion, CredentialProblem? Problem)
    {
        // Never print the password.
        public override string ToString() => $"PasswordPlan(send: {Send is not null}, problem: {Problem?.Reason})";
    }
}
