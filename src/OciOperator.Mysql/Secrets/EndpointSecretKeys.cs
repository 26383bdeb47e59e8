namespace OciOperator.Mysql.Secrets;

/// <summary>
/// The keys of the endpoint Secret written for an ACTIVE DbSystem (named like the DbSystem, in its namespace), with
/// OSOK's names and formats (<c>reference/osok.md</c> §4). Every value is a UTF-8 string; the Secret holds no credentials.
/// </summary>
public static class EndpointSecretKeys
{
    /// <summary>
    /// Private IP of the primary endpoint (<c>status.ipAddress</c>), dotted IPv4 such as <c>10.0.1.7</c>. Required.
    /// </summary>
    public const string PrivateIpAddress = "PrivateIPAddress";

    /// <summary>
    /// Despite the name, only the hostname label (<c>status.hostnameLabel</c>, e.g. <c>mysql-host</c>), not a fully qualified
    /// name; empty when the DB system has none.
    /// </summary>
    public const string InternalFqdn = "InternalFQDN";

    /// <summary>
    /// Availability domain (<c>status.availabilityDomain</c>, else <c>status.currentPlacement.availabilityDomain</c>).
    /// Required.
    /// </summary>
    public const string AvailabilityDomain = "AvailabilityDomain";

    /// <summary>
    /// Fault domain (<c>status.faultDomain</c>, else <c>status.currentPlacement.faultDomain</c>); may be empty.
    /// </summary>
    public const string FaultDomain = "FaultDomain";

    /// <summary>
    /// MySQL classic protocol port (<c>status.port</c>) as a decimal string, e.g. <c>3306</c>. Required, &gt; 0.
    /// </summary>
    public const string MySqlPort = "MySQLPort";

    /// <summary>MySQL X protocol port (<c>status.portX</c>) as a decimal string, e.g. <c>33060</c>. Required, &gt; 0.</summary>
    public const string MySqlXProtocolPort = "MySQLXProtocolPort";

    /// <summary>
    /// <c>status.endpoints</c> as a compact JSON array (no trailing newline) of objects with the keys
    /// <c>ipAddress, port, portX, hostname, modes, status, statusDetails, resourceType, resourceId</c> in that order, absent
    /// values omitted; <c>[]</c> when OCI reports no endpoints.
    /// </summary>
    public const string Endpoints = "Endpoints";

    /// <summary>Every key, in OSOK's order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PrivateIpAddress, InternalFqdn, AvailabilityDomain, FaultDomain, MySqlPort, MySqlXProtocolPort, Endpoints];
}
