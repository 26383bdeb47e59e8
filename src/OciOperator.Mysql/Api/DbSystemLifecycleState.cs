namespace OciOperator.Mysql.Api;

/// <summary>The OCI lifecycle states of a DB system, as found in <c>status.lifecycleState</c>.</summary>
public static class DbSystemLifecycleState
{
    /// <summary>Being created.</summary>
    public const string Creating = "CREATING";

    /// <summary>Running.</summary>
    public const string Active = "ACTIVE";

    /// <summary>Stopped.</summary>
    public const string Inactive = "INACTIVE";

    /// <summary>An update is being applied.</summary>
    public const string Updating = "UPDATING";

    /// <summary>Being deleted.</summary>
    public const string Deleting = "DELETING";

    /// <summary>Deleted.</summary>
    public const string Deleted = "DELETED";

    /// <summary>Creation or an operation failed.</summary>
    public const string Failed = "FAILED";
}
