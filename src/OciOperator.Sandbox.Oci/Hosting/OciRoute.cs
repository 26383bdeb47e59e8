namespace OciOperator.Sandbox.Oci.Hosting;

/// <summary>A request mapped to its OCI operation name, service and (for item paths) resource id.</summary>
internal sealed record OciRoute(string Operation, OciRouteKind Kind, string? ResourceId = null, string? SubPath = null)
{
    public const string MysqlPrefix = "/20190415/";
    public const string MetadataPrefix = "/opc/v2/";
    public const string IdentityPrefix = "/20160918/";

    public static OciRoute Match(string method, string path)
    {
        method = method.ToUpperInvariant();
        if (path.StartsWith(MysqlPrefix, StringComparison.Ordinal))
        {
            return MatchMysql(method, path[MysqlPrefix.Length..].TrimEnd('/').Split('/'));
        }

        if (path.StartsWith(IdentityPrefix, StringComparison.Ordinal))
        {
            return (method, path[IdentityPrefix.Length..].TrimEnd('/')) switch
            {
                ("GET", "availabilityDomains") => new OciRoute("ListAvailabilityDomains", OciRouteKind.Identity),
                _ => new OciRoute("UnknownIdentityOperation", OciRouteKind.Identity),
            };
        }

        if (path.StartsWith(MetadataPrefix, StringComparison.Ordinal) && method == "GET")
        {
            var sub = path[MetadataPrefix.Length..];
            var operation = sub switch
            {
                "instance/region" => "GetInstanceRegion",
                "identity/cert.pem" => "GetIdentityCertificate",
                "identity/key.pem" => "GetIdentityKey",
                "identity/intermediate.pem" => "GetIdentityIntermediate",
                _ when sub.StartsWith("instance", StringComparison.Ordinal) => "GetInstanceMetadata",
                _ => "UnknownMetadata",
            };
            return new OciRoute(operation, OciRouteKind.InstanceMetadata, SubPath: sub);
        }

        return (method, path) switch
        {
            ("POST", "/v1/x509") => new OciRoute("FederateX509", OciRouteKind.Federation),
            ("POST", "/v1/authentication/refresh") => new OciRoute("RefreshSessionToken", OciRouteKind.TokenRefresh),
            ("POST", "/resourcePrincipalSessionTokens") => new OciRoute("GetOkeResourcePrincipalSessionToken", OciRouteKind.OkeProxymux),
            _ => new OciRoute("Unknown", OciRouteKind.Unknown),
        };
    }

    private static OciRoute MatchMysql(string method, string[] segments) => (method, segments) switch
    {
        ("POST", ["dbSystems"]) => new OciRoute("CreateDbSystem", OciRouteKind.Mysql),
        ("GET", ["dbSystems"]) => new OciRoute("ListDbSystems", OciRouteKind.Mysql),
        ("GET", ["dbSystems", var id]) => new OciRoute("GetDbSystem", OciRouteKind.Mysql, id),
        ("PUT", ["dbSystems", var id]) => new OciRoute("UpdateDbSystem", OciRouteKind.Mysql, id),
        ("DELETE", ["dbSystems", var id]) => new OciRoute("DeleteDbSystem", OciRouteKind.Mysql, id),
        ("POST", ["dbSystems", var id, "actions", "start"]) => new OciRoute("StartDbSystem", OciRouteKind.Mysql, id, "start"),
        ("POST", ["dbSystems", var id, "actions", "stop"]) => new OciRoute("StopDbSystem", OciRouteKind.Mysql, id, "stop"),
        ("POST", ["dbSystems", var id, "actions", "restart"]) => new OciRoute("RestartDbSystem", OciRouteKind.Mysql, id, "restart"),
        ("GET", ["workRequests"]) => new OciRoute("ListWorkRequests", OciRouteKind.Mysql),
        ("GET", ["workRequests", var id]) => new OciRoute("GetWorkRequest", OciRouteKind.Mysql, id),
        ("GET", ["workRequests", var id, "errors"]) => new OciRoute("ListWorkRequestErrors", OciRouteKind.Mysql, id),
        ("GET", ["workRequests", var id, "logs"]) => new OciRoute("ListWorkRequestLogs", OciRouteKind.Mysql, id),
        _ => new OciRoute("UnknownMysqlOperation", OciRouteKind.Mysql),
    };
}
