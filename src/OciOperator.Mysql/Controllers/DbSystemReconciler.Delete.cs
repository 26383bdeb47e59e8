using OciOperator.Mysql.Api;
using OciOperator.Mysql.Diagnostics;
using OciOperator.Mysql.Mapping;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Reconciliation;
using DbSystem = OciOperator.Mysql.Api.DbSystem;

namespace OciOperator.Mysql.Controllers;

internal sealed partial class DbSystemReconciler
{
    /// <summary>
    /// The resource is being deleted: unless the deletion policy retains it, delete the OCI DB system, wait for DELETED
    /// (or 404), delete the endpoint Secret, then remove the finalizer. OCI busy (CREATING/UPDATING, 409
    /// IncorrectState) waits; delete protection is reported and retried slowly.
    /// </summary>
    private async Task<ReconcileResult> ReconcileDeleteAsync(DbSystem dbSystem, CancellationToken ct)
    {
        if (!Finalizers.Has(dbSystem, DbSystemAnnotations.Finalizer))
        {
            return ReconcileResult.Done;
        }

        // Only a DB system this resource created or bound (its OCID in status) is deleted: a spec.id that was never
        // bound (refused, not found, or not reconciled yet) names a DB system that is not ours to delete.
        var ocid = dbSystem.Status?.Status.Ocid;
        if (DbSystemAnnotations.RetainsOnDelete(dbSystem.Metadata.Annotations))
        {
            await endpointSecrets.DeleteAsync(dbSystem, ct).ConfigureAwait(false);
            await RecordAsync(dbSystem, DbSystemConditionReason.Retained, "Delete", $"Kept DB system {ocid ?? "(none)"} in OCI ({DbSystemAnnotations.DeletionPolicy}: {DbSystemAnnotations.Retain}).", ct).ConfigureAwait(false);
            return await FinishDeleteAsync(dbSystem, DbSystemOutcome.Retained, ct).ConfigureAwait(false);
        }

        if (ocid is null && CreateAttempted(dbSystem))
        {
            ocid = await FindOwnedAsync(dbSystem, includeDeleting: true, ct).ConfigureAwait(false);
        }

        if (ocid is null)
        {
            await endpointSecrets.DeleteAsync(dbSystem, ct).ConfigureAwait(false);
            return await FinishDeleteAsync(dbSystem, DbSystemOutcome.Deleted, ct).ConfigureAwait(false);
        }

        GetDbSystemResult live;
        try
        {
            live = await oci.GetDbSystemAsync(ocid, null, ct).ConfigureAwait(false);
        }
        catch (OciServiceException ex) when (ex.IsNotFound)
        {
            return await DeletedInOciAsync(dbSystem, ocid, ct).ConfigureAwait(false);
        }

        var state = live.DbSystem!.LifecycleState;
        var status = StatusProjector.Project(live.DbSystem, dbSystem.Status, dbSystem.Spec);
        var now = time.GetUtcNow();
        if (state == DbSystemLifecycleState.Deleted)
        {
            return await DeletedInOciAsync(dbSystem, ocid, ct).ConfigureAwait(false);
        }

        if (state == DbSystemLifecycleState.Deleting)
        {
            metrics.Outcome(DbSystemOutcome.Deleting);
            await WriteStateAsync(dbSystem, status, new(DbSystemConditionType.Terminating, DbSystemConditionReason.Deleting, $"OCI is deleting DB system {ocid}."), ct).ConfigureAwait(false);
            return ReconcileResult.After(PollSchedule.Next(options, status.Status.RequestedAt, now));
        }

        if (state == DbSystemLifecycleState.Creating || state == DbSystemLifecycleState.Updating)
        {
            metrics.Outcome(DbSystemOutcome.Deleting);
            await WriteStateAsync(dbSystem, status, new(DbSystemConditionType.Terminating, DbSystemConditionReason.WaitingToDelete, $"DB system {ocid} is {state?.Value}; it is deleted as soon as OCI allows."), ct).ConfigureAwait(false);
            return ReconcileResult.After(PollSchedule.Next(options, status.Status.RequestedAt, now));
        }

        OciOperationResult result;
        try
        {
            metrics.Write("DeleteDbSystem");
            result = await oci.DeleteDbSystemAsync(ocid, null, ct).ConfigureAwait(false);
        }
        catch (OciServiceException ex) when (ex.IsNotFound)
        {
            return await DeletedInOciAsync(dbSystem, ocid, ct).ConfigureAwait(false);
        }
        catch (OciServiceException ex) when (ex.StatusCode == 409 && ex.IsRetryable)
        {
            metrics.Outcome(DbSystemOutcome.Deleting);
            await WriteStateAsync(dbSystem, status, new(DbSystemConditionType.Terminating, DbSystemConditionReason.DeleteBlocked, $"OCI cannot delete DB system {ocid} now ({ex.ServiceMessage}); retrying."), ct).ConfigureAwait(false);
            return ReconcileResult.After(PollSchedule.Next(options, status.Status.RequestedAt, now, ex.RetryAfter));
        }
        catch (OciServiceException ex) when (ex.StatusCode == 409)
        {
            metrics.Outcome(DbSystemOutcome.DeleteProtected);
            var requestId = ex.OpcRequestId is null ? string.Empty : $" (opc-request-id {ex.OpcRequestId})";
            status = status with { Status = status.Status with { OpcRequestId = ex.OpcRequestId ?? status.Status.OpcRequestId } };
            await WriteStateAsync(dbSystem, status, new(DbSystemConditionType.Failed, DbSystemConditionReason.DeleteProtected, $"OCI refused to delete DB system {ocid}: {ex.ServiceMessage}{requestId}. Turn off delete protection (spec.deletionPolicy.isDeleteProtected, applied before deleting, or in OCI), or annotate {DbSystemAnnotations.DeletionPolicy}={DbSystemAnnotations.Retain} to keep it.", EventType: EventRecorder.Warning), ct).ConfigureAwait(false);
            return ReconcileResult.After(options.PermanentErrorRetry);
        }

        metrics.Outcome(DbSystemOutcome.Deleting);
        LogDeleteSent(logger, dbSystem.Metadata.NamespaceProperty, dbSystem.Metadata.Name, ocid);
        status = status with { Status = status.Status with { RequestedAt = now, OpcRequestId = result.OpcRequestId ?? status.Status.OpcRequestId } };
        await WriteStateAsync(dbSystem, status, new(DbSystemConditionType.Terminating, DbSystemConditionReason.DeleteRequested, $"Sent DeleteDbSystem for {ocid}; waiting for OCI to finish.", ForceEvent: true, WorkRequestId: result.OpcWorkRequestId), ct).ConfigureAwait(false);
        return ReconcileResult.After(PollSchedule.Next(options, now, now));
    }

    private async Task<ReconcileResult> DeletedInOciAsync(DbSystem dbSystem, string ocid, CancellationToken ct)
    {
        await endpointSecrets.DeleteAsync(dbSystem, ct).ConfigureAwait(false);
        var status = StatusProjector.OwnPartsOnly(dbSystem.Status) with { Id = ocid, LifecycleState = DbSystemLifecycleState.Deleted.Value };
        status = status with { Status = status.Status with { DeletedAt = time.GetUtcNow() } };
        try
        {
            dbSystem = await WriteStateAsync(dbSystem, status, new(DbSystemConditionType.Terminating, DbSystemConditionReason.Deleted, $"DB system {ocid} is deleted in OCI.", ForceEvent: true), ct).ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            return ReconcileResult.Done;
        }

        return await FinishDeleteAsync(dbSystem, DbSystemOutcome.Deleted, ct).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> FinishDeleteAsync(DbSystem dbSystem, DbSystemOutcome outcome, CancellationToken ct)
    {
        try
        {
            await _finalizers.RemoveAsync(Type, dbSystem, DbSystemAnnotations.Finalizer, ct).ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            // Already gone.
        }

        fingerprints.Forget(dbSystem.Metadata.Uid);
        _refusals.Forget(dbSystem.Metadata.Uid);
        metrics.Outcome(outcome);
        LogFinalizerRemoved(logger, dbSystem.Metadata.NamespaceProperty, dbSystem.Metadata.Name);
        return ReconcileResult.Done;
    }
}
