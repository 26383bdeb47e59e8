namespace OciOperator.Mysql.Api;

/// <summary>
/// The reasons of the DbSystem's conditions and Events (<c>status.status.conditions[].reason</c>,
/// <c>status.status.reason</c>'s companion, Event reasons): the one list of them, CamelCase as Kubernetes expects.
/// Lifecycle states OCI reports that the operator does not act on get <c>Lifecycle</c> + the state in Pascal case
/// (<see cref="Lifecycle"/>).
/// </summary>
public static class DbSystemConditionReason
{
    // Provisioning
    /// <summary>The create was recorded and CreateDbSystem is being sent.</summary>
    public const string CreateRequested = "CreateRequested";

    /// <summary>OCI is creating the DB system.</summary>
    public const string Creating = "Creating";

    // Updating
    /// <summary>OCI is applying an update.</summary>
    public const string Updating = "Updating";

    /// <summary>UpdateDbSystem was sent for changed spec fields or a new password.</summary>
    public const string UpdateRequested = "UpdateRequested";

    /// <summary>An out-of-band change was found at resync and UpdateDbSystem was sent to restore the spec.</summary>
    public const string DriftCorrected = "DriftCorrected";

    // Active and Ready
    /// <summary>The DB system is ACTIVE.</summary>
    public const string Active = "Active";

    /// <summary>Ready: ACTIVE, reconciled and the endpoint Secret written.</summary>
    public const string Reconciled = "Reconciled";

    /// <summary>Event: the endpoint Secret was created.</summary>
    public const string EndpointSecretCreated = "EndpointSecretCreated";

    /// <summary>Event: the endpoint Secret was brought up to date.</summary>
    public const string EndpointSecretUpdated = "EndpointSecretUpdated";

    /// <summary>Not ready: a Secret of the endpoint Secret's name exists and is not this DbSystem's.</summary>
    public const string EndpointSecretNotOwned = "EndpointSecretNotOwned";

    /// <summary>Not ready: OCI has not reported the address and ports yet.</summary>
    public const string EndpointSecretIncomplete = "EndpointSecretIncomplete";

    // Failed
    /// <summary>The spec's availabilityDomain matches none (or several) of the region's availability domains.</summary>
    public const string AvailabilityDomainNotFound = "AvailabilityDomainNotFound";

    /// <summary>An admin Secret named by the spec does not exist.</summary>
    public const string SecretNotFound = "SecretNotFound";

    /// <summary>An admin Secret named by the spec has no such key.</summary>
    public const string SecretKeyNotFound = "SecretKeyNotFound";

    /// <summary>A force-new field changed: nothing is sent to OCI.</summary>
    public const string ReplacementRequired = "ReplacementRequired";

    /// <summary><c>spec.id</c> names a DB system that does not exist or that the operator may not read.</summary>
    public const string BoundDbSystemNotFound = "BoundDbSystemNotFound";

    /// <summary><c>spec.id</c> names a DB system that another live DbSystem resource created or bound: it is not taken over.</summary>
    public const string OwnedByAnotherResource = "OwnedByAnotherResource";

    /// <summary>The tracked DB system was deleted outside Kubernetes.</summary>
    public const string DeletedOutOfBand = "DeletedOutOfBand";

    /// <summary>OCI refused a call for good (4xx): the message is OCI's.</summary>
    public const string OciRequestFailed = "OciRequestFailed";

    /// <summary>A transient OCI failure (429, 5xx, busy): retried with backoff.</summary>
    public const string OciTransientError = "OciTransientError";

    /// <summary>OCI authentication failed.</summary>
    public const string OciAuthenticationFailed = "OciAuthenticationFailed";

    /// <summary>The OCI client configuration is invalid.</summary>
    public const string OciConfigurationInvalid = "OciConfigurationInvalid";

    /// <summary>Calls to OCI are paused (circuit open).</summary>
    public const string OciUnavailable = "OciUnavailable";

    /// <summary>The client-side OCI rate limit is exhausted.</summary>
    public const string OciRateLimited = "OciRateLimited";

    /// <summary>OCI could not be reached.</summary>
    public const string OciUnreachable = "OciUnreachable";

    /// <summary>The OCI call timed out.</summary>
    public const string OciTimeout = "OciTimeout";

    /// <summary>OCI refused to delete (delete protection).</summary>
    public const string DeleteProtected = "DeleteProtected";

    // Terminating
    /// <summary>The DB system is being deleted in OCI though this resource was not deleted.</summary>
    public const string DeletingOutOfBand = "DeletingOutOfBand";

    /// <summary>OCI is deleting the DB system.</summary>
    public const string Deleting = "Deleting";

    /// <summary>The DB system is busy (CREATING/UPDATING); it is deleted as soon as OCI allows.</summary>
    public const string WaitingToDelete = "WaitingToDelete";

    /// <summary>OCI answered the delete with a retryable 409.</summary>
    public const string DeleteBlocked = "DeleteBlocked";

    /// <summary>DeleteDbSystem was sent.</summary>
    public const string DeleteRequested = "DeleteRequested";

    /// <summary>The DB system is deleted in OCI.</summary>
    public const string Deleted = "Deleted";

    /// <summary>Event: the DB system was kept in OCI (deletion policy Retain).</summary>
    public const string Retained = "Retained";

    /// <summary>The reason for an OCI lifecycle state the operator does not act on: <c>FAILED</c> gives <c>LifecycleFailed</c>.</summary>
    public static string Lifecycle(string? state) =>
        "Lifecycle" + (string.IsNullOrEmpty(state) ? "Unknown" : string.Concat(state[..1].ToUpperInvariant(), state[1..].ToLowerInvariant()));
}
