namespace OciOperator.Mysql.Api;

/// <summary>
/// The condition types of <c>status.status.conditions</c>: OSOK's five (<see cref="Provisioning"/>, <see cref="Updating"/>,
/// <see cref="Active"/>, <see cref="Failed"/>, <see cref="Terminating"/>), kept one entry per type with the current one
/// last (so the <c>conditions[-1].type</c> printer column shows the state), plus the standard <see cref="Ready"/>.
/// </summary>
public static class DbSystemConditionType
{
    /// <summary>OCI is creating the DB system (CREATING), or it is being bound.</summary>
    public const string Provisioning = "Provisioning";

    /// <summary>OCI is applying an update (UPDATING).</summary>
    public const string Updating = "Updating";

    /// <summary>The DB system is ACTIVE and matches the spec.</summary>
    public const string Active = "Active";

    /// <summary>The last attempt failed; the message says why (OCI's message and opc-request-id when OCI refused).</summary>
    public const string Failed = "Failed";

    /// <summary>The DB system is being deleted (DELETING, or the CR is being deleted).</summary>
    public const string Terminating = "Terminating";

    /// <summary>Standard readiness: True when the DB system is ACTIVE, reconciled and its endpoint Secret written.</summary>
    public const string Ready = "Ready";

    /// <summary>Every type, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Provisioning, Updating, Active, Failed, Terminating, Ready];
}
