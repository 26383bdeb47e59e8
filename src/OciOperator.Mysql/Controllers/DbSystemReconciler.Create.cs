using OciOperator.Mysql.Api;
using OciOperator.Mysql.Diagnostics;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Ownership;
using OciOperator.Oci.Http;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Reconciliation;
using DbSystem = OciOperator.Mysql.Api.DbSystem;

namespace OciOperator.Mysql.Controllers;

internal sealed partial class DbSystemReconciler
{
    /// <summary>
    /// Creates the DB system with the retry token derived from the resource's UID and the ownership tags, then records
    /// its OCID at once. A crash before the status write is safe: the next reconcile finds the DB system by its tag
    /// (or OCI answers the repeated create with the same DB system, by the retry token).
    /// </summary>
    private async Task<ReconcileResult> CreateAsync(DbSystem dbSystem, CancellationToken ct)
    {
        var (creds, problem) = credentials.Read(dbSystem);
        if (problem is not null)
        {
            metrics.Outcome(DbSystemOutcome.WaitingForSecret);
            await WriteStateAsync(dbSystem, dbSystem.Status ?? new DbSystemStatus(), new(DbSystemConditionType.Failed, problem.Reason, problem.Message, EventType: EventRecorder.Warning), ct).ConfigureAwait(false);
            // The Secret watch reconciles as soon as it appears; this is only the fallback.
            return ReconcileResult.After(options.PermanentErrorRetry);
        }

        // The same refused inputs again before the slow retry is due (a late watch event): not a new attempt.
        var uid = dbSystem.Metadata.Uid;
        var inputs = RefusedCreates.Inputs(dbSystem, creds!);
        if (_refusals.Pending(uid, inputs) is { } wait)
        {
            return ReconcileResult.After(wait);
        }

        var details = CreateDetailsBuilder.Build(dbSystem, creds!);
        if (details.AvailabilityDomain is { } requestedAd && !requestedAd.Contains(':', StringComparison.Ordinal))
        {
            // A suffix-only name (US-ASHBURN-AD-1, AD-1) becomes the tenancy's full name, as OSOK does; the spec keeps
            // what the user wrote and the update planner compares by suffix, so this is never drift. A full name is
            // sent as written (OCI checks it), which saves the identity call.
            AvailabilityDomainResolution resolution;
            try
            {
                resolution = await availabilityDomains.ResolveAsync(details.CompartmentId, requestedAd, ct).ConfigureAwait(false);
            }
            catch (OciServiceException ex) when (ex.StatusCode is >= 400 and < 500 && !ex.IsRetryable)
            {
                // The identity API refused the compartment (404 for one that does not exist): the create would be
                // refused the same way, so this is a refused create, tried again slowly or on a change.
                _refusals.Remember(uid, inputs, options.PermanentErrorRetry);
                return await FailAsync(dbSystem, OciFailure.From(ex, ct)!, ct, createRefused: true).ConfigureAwait(false);
            }

            if (resolution.Name is null)
            {
                _refusals.Remember(uid, inputs, options.PermanentErrorRetry);
                return await FailAsync(dbSystem, new OciFailure(false, DbSystemConditionReason.AvailabilityDomainNotFound, resolution.Problem!, null, null), ct, createRefused: true).ConfigureAwait(false);
            }

            details = details with { AvailabilityDomain = resolution.Name };
        }

        var requestedAt = time.GetUtcNow();

        // Recorded before the call: from now on a crash may leave a DB system without its OCID in status, and the
        // next reconcile searches OCI for it by the ownership tag (never before, so a normal create lists nothing).
        var pending = dbSystem.Status ?? new DbSystemStatus();
        dbSystem = await WriteStateAsync(
            dbSystem,
            pending with { Status = pending.Status with { RequestedAt = requestedAt } },
            new(DbSystemConditionType.Provisioning, DbSystemConditionReason.CreateRequested, "Creating the DB system in OCI."),
            ct).ConfigureAwait(false);
        OciResult<Oci.Mysql.DbSystem> created;
        try
        {
            metrics.Write("CreateDbSystem");
            created = await oci.CreateDbSystemAsync(details, OwnershipTags.RetryToken(dbSystem.Metadata.Uid), ct).ConfigureAwait(false);
        }
        catch (OciServiceException ex) when (ex.StatusCode is >= 400 and < 500 && !ex.IsRetryable && ex.Code != "InvalidatedRetryToken")
        {
            // A definitive refusal: one call per attempt, and nothing to search for afterwards.
            _refusals.Remember(uid, inputs, options.PermanentErrorRetry);
            return await FailAsync(dbSystem, OciFailure.From(ex, ct)!, ct, createRefused: true).ConfigureAwait(false);
        }
        catch (OciServiceException ex) when (ex.StatusCode == 409 && ex.Code == "InvalidatedRetryToken")
        {
            // The token was used before with another body (the spec changed after a lost create): find that DB system.
            var owned = await FindOwnedAsync(dbSystem, includeDeleting: false, ct).ConfigureAwait(false);
            if (owned is null)
            {
                throw;
            }

            return await RecordCreatedAsync(dbSystem, owned, null, requestedAt, creds!.UsernameSecretVersion, creds.PasswordSecretVersion, ct).ConfigureAwait(false);
        }

        if (creds!.Password is not null)
        {
            fingerprints.Remember(dbSystem.Metadata.Uid, creds.Password);
        }

        var ocid = created.Value.Id ?? throw new OciServiceException("OCI answered CreateDbSystem without an id.");
        LogCreated(logger, dbSystem.Metadata.NamespaceProperty, dbSystem.Metadata.Name, ocid);
        var status = StatusProjector.Project(created.Value, dbSystem.Status, dbSystem.Spec);
        return await RecordCreatedAsync(dbSystem, ocid, status with { Status = status.Status with { OpcRequestId = created.OpcRequestId } }, requestedAt, creds.UsernameSecretVersion, creds.PasswordSecretVersion, ct, created.RetryAfter, created.OpcWorkRequestId).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> RecordCreatedAsync(
        DbSystem dbSystem, string ocid, DbSystemStatus? projected, DateTimeOffset requestedAt, string? usernameVersion, string? passwordVersion, CancellationToken ct, TimeSpan? retryAfter = null, string? workRequestId = null)
    {
        metrics.Outcome(DbSystemOutcome.Created);
        var status = projected ?? StatusProjector.OwnPartsOnly(dbSystem.Status);
        status = status with
        {
            LastApplied = LastApplied(dbSystem, usernameVersion, passwordVersion),
            Status = status.Status with { Ocid = ocid, CreatedAt = status.Status.CreatedAt ?? requestedAt, RequestedAt = requestedAt },
        };
        var requestId = status.Status.OpcRequestId is null ? string.Empty : $" (opc-request-id {status.Status.OpcRequestId})";
        await WriteStateAsync(dbSystem, status, new(DbSystemConditionType.Provisioning, DbSystemConditionReason.Creating, $"Created DB system {ocid}{requestId}; OCI is provisioning it.", ForceEvent: true, WorkRequestId: workRequestId), ct).ConfigureAwait(false);
        return ReconcileResult.After(PollSchedule.Next(options, requestedAt, time.GetUtcNow(), retryAfter));
    }
}
