using Microsoft.Extensions.Logging;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Credentials;
using OciOperator.Mysql.Diagnostics;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Ownership;
using OciOperator.Mysql.Secrets;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Reconciliation;
using DbSystem = OciOperator.Mysql.Api.DbSystem;

namespace OciOperator.Mysql.Controllers;

/// <summary>
/// Reconciles one <c>DbSystem</c> resource with its OCI MySQL DB system. Each reconcile reads OCI once, acts at most
/// once (create, update or delete), writes status, and asks to be called again (adaptive polling while OCI works, the
/// resync period once ACTIVE). It never blocks waiting for OCI. One file per phase: create, active (updates, drift,
/// endpoint Secret), delete, status.
/// </summary>
/// <remarks>
/// The DbSystem is read from the informer cache, as controller-runtime's reconcilers do; every write goes to the API
/// server with the read object's resourceVersion as precondition, and a status write that conflicts is not re-applied
/// to a fresher object (its content was computed from what was read) but fails the reconcile, which is retried with
/// backoff on the fresher cache. A stale read therefore costs a conflict and a retry, never a lost update. A read of
/// a version this reconciler itself wrote over waits for the cache (<see cref="StaleReadGuard"/>), so a reconcile that
/// races its own status write never repeats an OCI call that write recorded.
/// </remarks>
internal sealed partial class DbSystemReconciler(
    IKubeApi api,
    ICacheReader<DbSystem> cache,
    AdminCredentialReader credentials,
    IMysqlDbSystemClient oci,
    AvailabilityDomainResolver availabilityDomains,
    EventRecorder events,
    EndpointSecretWriter endpointSecrets,
    PasswordFingerprints fingerprints,
    DbSystemControllerOptions options,
    DbSystemMetrics metrics,
    TimeProvider time,
    ILogger<DbSystemReconciler> logger,
    StaleReadGuard freshness) : IReconciler
{
    /// <summary>The DbSystem resource type.</summary>
    public static readonly ResourceType Type = new(DbSystem.KubeGroup, DbSystem.KubeApiVersion, DbSystem.KubeKind, DbSystem.KubePluralName);

    // How soon to look again when the cache has not caught up with our own last write and no event woke us (a fallback:
    // the write's own watch event reconciles at once).
    private static readonly TimeSpan StaleCacheRetry = TimeSpan.FromSeconds(1);

    // One attempt: on 409 the reconcile fails and starts again from the cache (see the remarks). Both record their
    // writes in the freshness guard (read-your-writes: the versions of a DbSystem written over are stale).
    private readonly StatusWriter _statusWriter = new(api, maxAttempts: 1, freshness);
    private readonly Finalizers _finalizers = new(api, guard: freshness);
    private readonly RefusedCreates _refusals = new(time);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken ct)
    {
        // A copy: the cached object is shared with the informer and its other readers.
        var cached = cache.Get(request.Namespace, request.Name);
        if (cached is null)
        {
            freshness.Forget(request.Namespace, request.Name);
            return ReconcileResult.Done;
        }

        if (freshness.IsStale(request.Namespace, request.Name, cached.Metadata.ResourceVersion))
        {
            // Our own last write has not reached the cache yet: acting on the older copy would repeat what that write
            // recorded (an OCI update sent twice, say). The write's watch event is on its way and, now that the guard
            // marks this object as waiting, reconciles it (the controller's CaughtUp filter); the timed retry is a
            // fallback. Read once more: the event may have landed between the read above and the mark.
            cached = cache.Get(request.Namespace, request.Name);
            if (cached is null || freshness.IsStale(request.Namespace, request.Name, cached.Metadata.ResourceVersion))
            {
                return ReconcileResult.After(StaleCacheRetry);
            }
        }

        var dbSystem = ObjectCopy.Clone(cached);

        try
        {
            if (dbSystem.Metadata.DeletionTimestamp is not null)
            {
                return await ReconcileDeleteAsync(dbSystem, ct).ConfigureAwait(false);
            }

            if (!Finalizers.Has(dbSystem, DbSystemAnnotations.Finalizer))
            {
                dbSystem = await _finalizers.AddAsync(Type, dbSystem, DbSystemAnnotations.Finalizer, ct).ConfigureAwait(false);
            }

            return await ReconcileLiveAsync(dbSystem, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (OciFailure.From(ex, ct) is { } failure)
        {
            return await FailAsync(dbSystem, failure, ct).ConfigureAwait(false);
        }
    }

    private async Task<ReconcileResult> ReconcileLiveAsync(DbSystem dbSystem, CancellationToken ct)
    {
        var tracked = dbSystem.Status?.Status.Ocid;
        var ocid = tracked ?? dbSystem.Spec.Id
            ?? (CreateAttempted(dbSystem) ? await FindOwnedAsync(dbSystem, includeDeleting: false, ct).ConfigureAwait(false) : null);
        if (ocid is null)
        {
            return await CreateAsync(dbSystem, ct).ConfigureAwait(false);
        }

        GetDbSystemResult live;
        try
        {
            live = await oci.GetDbSystemAsync(ocid, null, ct).ConfigureAwait(false);
        }
        catch (OciServiceException ex) when (ex.IsNotFound)
        {
            return await GoneAsync(dbSystem, ocid, bound: tracked is null && dbSystem.Spec.Id is not null, ex.OpcRequestId, ct).ConfigureAwait(false);
        }

        var observed = live.DbSystem!;
        if (tracked is null && dbSystem.Spec.Id is not null && OwnedByAnother(dbSystem, observed) is { } owner)
        {
            return await RefuseBindingAsync(dbSystem, ocid, owner, ct).ConfigureAwait(false);
        }

        var state = observed.LifecycleState;
        if (state == DbSystemLifecycleState.Deleted)
        {
            return await GoneAsync(dbSystem, ocid, bound: false, live.OpcRequestId, ct).ConfigureAwait(false);
        }

        var status = StatusProjector.Project(observed, dbSystem.Status, dbSystem.Spec);
        status = status with
        {
            Status = status.Status with
            {
                Ocid = ocid,
                CreatedAt = status.Status.CreatedAt ?? time.GetUtcNow(),
            },
        };
        var now = time.GetUtcNow();
        if (state == DbSystemLifecycleState.Active)
        {
            return await ReconcileActiveAsync(dbSystem, status, ct).ConfigureAwait(false);
        }

        var waiting = state == DbSystemLifecycleState.Creating
            ? new StateChange(DbSystemConditionType.Provisioning, DbSystemConditionReason.Creating, $"OCI is creating DB system {ocid}.")
            : state == DbSystemLifecycleState.Updating
                ? new StateChange(DbSystemConditionType.Updating, DbSystemConditionReason.Updating, $"OCI is updating DB system {ocid}.")
                : state == DbSystemLifecycleState.Deleting
                    ? new StateChange(DbSystemConditionType.Terminating, DbSystemConditionReason.DeletingOutOfBand, $"DB system {ocid} is being deleted in OCI, though this resource was not deleted; it will not be re-created.")
                    : null;
        if (waiting is not null)
        {
            metrics.Outcome(DbSystemOutcome.Waiting);
            await WriteStateAsync(dbSystem, status, waiting, ct).ConfigureAwait(false);
            return ReconcileResult.After(PollSchedule.Next(options, status.Status.RequestedAt, now));
        }

        metrics.Outcome(DbSystemOutcome.FailedLifecycle);
        var details = string.IsNullOrEmpty(observed.LifecycleDetails) ? string.Empty : $": {observed.LifecycleDetails}";
        await WriteStateAsync(dbSystem, status, new(DbSystemConditionType.Failed, DbSystemConditionReason.Lifecycle(state?.Value), $"DB system {ocid} is {state?.Value} in OCI{details}.", EventType: EventRecorder.Warning), ct).ConfigureAwait(false);
        return ReconcileResult.After(options.PermanentErrorRetry);
    }

    /// <summary>
    /// True once a create was recorded as requested (the status is written before CreateDbSystem is sent). Only then
    /// can a DB system of ours exist without its OCID in status, so only then is OCI searched for it.
    /// </summary>
    private static bool CreateAttempted(DbSystem dbSystem) =>
        dbSystem.Status?.Status.RequestedAt is not null && dbSystem.Status.Status.Ocid is null;

    /// <summary>
    /// A DB system carrying this resource's ownership tag (a create whose status write was lost), or null. The list is
    /// narrowed by display name first (the usual case: one page), then the whole compartment is searched.
    /// </summary>
    private async Task<string?> FindOwnedAsync(DbSystem dbSystem, bool includeDeleting, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(dbSystem.Spec.CompartmentId))
        {
            // Nothing can have been created in no compartment (OCI refuses such a create).
            return null;
        }

        // A name OCI would refuse (over 255 characters) cannot be a DB system's, and would not fit in a URL.
        if (dbSystem.Spec.DisplayName is { Length: > 0 and <= MaxDisplayNameLength }
            && await FindOwnedAsync(dbSystem, dbSystem.Spec.DisplayName, includeDeleting, ct).ConfigureAwait(false) is { } byName)
        {
            return byName;
        }

        return await FindOwnedAsync(dbSystem, null, includeDeleting, ct).ConfigureAwait(false);
    }

    private async Task<string?> FindOwnedAsync(DbSystem dbSystem, string? displayName, bool includeDeleting, CancellationToken ct)
    {
        string? page = null;
        do
        {
            var request = new ListDbSystemsRequest(dbSystem.Spec.CompartmentId) { DisplayName = displayName, Page = page, Limit = 100 };
            var result = await oci.ListDbSystemsAsync(request, ct).ConfigureAwait(false);
            var owned = result.Items.FirstOrDefault(s =>
                OwnershipTags.IsOwnedBy(s.FreeformTags, dbSystem.Metadata.Uid)
                && s.LifecycleState != DbSystemLifecycleState.Deleted
                && (includeDeleting || s.LifecycleState != DbSystemLifecycleState.Deleting));
            if (owned is not null)
            {
                return owned.Id;
            }

            page = result.NextPage;
        }
        while (page is not null);
        return null;
    }

    /// <summary>OCI's limit on a DB system's display name.</summary>
    private const int MaxDisplayNameLength = 255;

    /// <summary>
    /// The live DbSystem resource (other than this one) whose UID the DB system's ownership tag names, or null: a DB
    /// system created or bound for a resource that still exists is never taken over through <c>spec.id</c>. (A tag
    /// naming a resource that is gone, e.g. deleted with the Retain policy, does not block adoption.)
    /// </summary>
    private DbSystem? OwnedByAnother(DbSystem dbSystem, Oci.Mysql.DbSystem observed) =>
        OwnershipTags.Owner(observed.FreeformTags) is { } uid && uid != dbSystem.Metadata.Uid
            ? cache.List().FirstOrDefault(d => d.Metadata.Uid == uid && d.Metadata.DeletionTimestamp is null)
            : null;

    /// <summary><c>spec.id</c> names another resource's DB system: a condition, no OCI write, no OCID recorded.</summary>
    private async Task<ReconcileResult> RefuseBindingAsync(DbSystem dbSystem, string ocid, DbSystem owner, CancellationToken ct)
    {
        metrics.Outcome(DbSystemOutcome.FailedPermanent);
        var status = StatusProjector.OwnPartsOnly(dbSystem.Status);
        var change = new StateChange(
            DbSystemConditionType.Failed,
            DbSystemConditionReason.OwnedByAnotherResource,
            $"spec.id names DB system {ocid}, which belongs to DbSystem {owner.Metadata.NamespaceProperty}/{owner.Metadata.Name}; it is not taken over and nothing was sent to OCI. Fix spec.id, or delete the other resource first (with the Retain policy to keep the DB system).",
            EventType: EventRecorder.Warning);
        await WriteStateAsync(dbSystem, status, change, ct).ConfigureAwait(false);
        return ReconcileResult.After(options.PermanentErrorRetry);
    }

    /// <summary>The tracked DB system no longer exists: reported, never silently re-created.</summary>
    private async Task<ReconcileResult> GoneAsync(DbSystem dbSystem, string ocid, bool bound, string? opcRequestId, CancellationToken ct)
    {
        metrics.Outcome(DbSystemOutcome.Gone);
        var status = StatusProjector.OwnPartsOnly(dbSystem.Status) with { Id = ocid, LifecycleState = bound ? null : DbSystemLifecycleState.Deleted.Value };
        status = status with { Status = status.Status with { OpcRequestId = opcRequestId ?? status.Status.OpcRequestId } };
        var change = bound
            ? new StateChange(DbSystemConditionType.Failed, DbSystemConditionReason.BoundDbSystemNotFound, $"spec.id names DB system {ocid}, which does not exist or which this operator may not read. Fix spec.id, or the IAM policy.", EventType: EventRecorder.Warning)
            : new StateChange(DbSystemConditionType.Failed, DbSystemConditionReason.DeletedOutOfBand, $"DB system {ocid} was deleted outside Kubernetes; it is not re-created automatically. Delete this resource, and apply it again to create a new DB system.", EventType: EventRecorder.Warning);
        await WriteStateAsync(dbSystem, status, change, ct).ConfigureAwait(false);
        return ReconcileResult.After(bound ? options.PermanentErrorRetry : options.ResyncPeriod);
    }

    private async Task<ReconcileResult> FailAsync(DbSystem dbSystem, OciFailure failure, CancellationToken ct, bool createRefused = false)
    {
        if (failure.Transient)
        {
            metrics.Outcome(DbSystemOutcome.FailedTransient);
            LogTransient(logger, dbSystem.Metadata.NamespaceProperty, dbSystem.Metadata.Name, failure.Message);
            await events.RecordAsync(dbSystem, EventRecorder.Warning, failure.Reason, "Reconcile", failure.EventMessage + " Retrying.", ct).ConfigureAwait(false);
            if (failure.RetryAfter is { } after && after > TimeSpan.Zero)
            {
                return ReconcileResult.After(after);
            }

            // Rethrown as a plain failure so the queue backs off exponentially (the message carries no secret).
            throw new DbSystemTransientException(failure.Message);
        }

        metrics.Outcome(DbSystemOutcome.FailedPermanent);
        // The reconcile may have written status before failing: build on the stored object, not the one read first.
        dbSystem = await api.GetAsync<DbSystem>(Type, dbSystem.Metadata.NamespaceProperty, dbSystem.Metadata.Name, ct).ConfigureAwait(false) ?? dbSystem;
        LogPermanent(logger, dbSystem.Metadata.NamespaceProperty, dbSystem.Metadata.Name, failure.Message);
        var status = dbSystem.Status ?? new DbSystemStatus();
        status = status with { Status = status.Status with { OpcRequestId = failure.OpcRequestId ?? status.Status.OpcRequestId } };
        if (createRefused)
        {
            // OCI refused the create outright: no DB system can exist, so no later reconcile (or deletion) searches for one.
            status = status with { Status = status.Status with { RequestedAt = null } };
        }

        var deleting = dbSystem.Metadata.DeletionTimestamp is not null;
        var advice = deleting ? " The deletion is retried." : " Fix the spec or the OCI setup; it is retried every few minutes and at once on a change.";
        await WriteStateAsync(
            dbSystem,
            status,
            new(DbSystemConditionType.Failed, failure.Reason, failure.Message + advice, EventType: EventRecorder.Warning, ForceEvent: true, EventMessage: failure.EventMessage + advice),
            ct).ConfigureAwait(false);
        return ReconcileResult.After(options.PermanentErrorRetry);
    }
}
