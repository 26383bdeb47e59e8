using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OciOperator.Sandbox.Oci.Hosting;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>Validation of CreateDbSystemDetails / UpdateDbSystemDetails like OCI's: each failure is a clear message.</summary>
internal static partial class DbSystemValidator
{
    /// <summary>The structured optional fields stored as sent (shape-checked as JSON objects/arrays only).</summary>
    public static readonly IReadOnlyList<string> PassThroughObjects =
    [
        "rest", "databaseConsole", "backupPolicy", "maintenance", "deletionPolicy", "secureConnections", "encryptData",
        "readEndpoint", "telemetryConfiguration", "dataStorage", "securityAttributes", "definedTags", "source",
    ];

    public static readonly IReadOnlyList<string> PassThroughArrays = ["nsgIds", "customerContacts"];

    public static readonly IReadOnlyList<string> PassThroughEnums = ["crashRecovery", "databaseManagement", "databaseMode", "accessMode"];

    private static readonly IReadOnlyDictionary<string, string[]> EnumValues = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["crashRecovery"] = ["ENABLED", "DISABLED"],
        ["databaseManagement"] = ["ENABLED", "DISABLED"],
        ["databaseMode"] = ["READ_WRITE", "READ_ONLY"],
        ["accessMode"] = ["UNRESTRICTED", "RESTRICTED"],
    };

    private static readonly IReadOnlySet<string> UpdateFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "displayName", "description", "subnetId", "nsgIds", "securityAttributes", "databaseMode", "accessMode", "rest",
        "databaseConsole", "isHighlyAvailable", "availabilityDomain", "faultDomain", "shapeName", "mysqlVersion",
        "configurationId", "adminUsername", "adminPassword", "dataStorageSizeInGBs", "dataStorage", "hostnameLabel",
        "ipAddress", "port", "portX", "backupPolicy", "maintenance", "freeformTags", "definedTags", "deletionPolicy",
        "crashRecovery", "databaseManagement", "secureConnections", "encryptData", "customerContacts", "readEndpoint",
        "telemetryConfiguration",
    };

    /// <summary>Returns the first problem with a create body, or null when it is acceptable.</summary>
    public static OciResponse? ValidateCreate(JsonObject body)
    {
        foreach (var required in new[] { "compartmentId", "shapeName", "subnetId" })
        {
            if (body[required] is null)
            {
                return OciResponse.Missing(required);
            }
        }

        var isFromBackup = body["source"]?["sourceType"] is JsonValue sourceType && (string?)sourceType is "BACKUP" or "PITR";
        if (!isFromBackup && body["adminUsername"] is null)
        {
            return OciResponse.Missing("adminUsername");
        }

        if (!isFromBackup && body["adminPassword"] is null)
        {
            return OciResponse.Missing("adminPassword");
        }

        var problem = Ocid(body, "compartmentId", "ocid1.compartment.", "ocid1.tenancy.") ?? ValidateCommon(body);
        return problem is null ? null : OciResponse.Invalid(problem);
    }

    /// <summary>Returns the first problem with an update body, or null when it is acceptable.</summary>
    public static OciResponse? ValidateUpdate(JsonObject body)
    {
        var notUpdatable = body.Select(p => p.Key).FirstOrDefault(k => !UpdateFields.Contains(k));
        var problem = notUpdatable is not null ? $"The field '{notUpdatable}' cannot be updated." : ValidateCommon(body);
        return problem is null ? null : OciResponse.Invalid(problem);
    }

    /// <summary>Problems with an admin password (never echoing it): 8–32 characters with upper, lower, digit and special.</summary>
    public static string? PasswordProblem(string password, string? username)
    {
        if (password.Length is < 8 or > 32)
        {
            return "The admin password must be between 8 and 32 characters long.";
        }

        if (!password.Any(char.IsUpper) || !password.Any(char.IsLower) || !password.Any(char.IsDigit) ||
            password.All(char.IsLetterOrDigit))
        {
            return "The admin password must contain at least one uppercase letter, one lowercase letter, one digit and one special character.";
        }

        return username is not null && password.Contains(username, StringComparison.OrdinalIgnoreCase)
            ? "The admin password must not contain the admin username."
            : null;
    }

    private static string? ValidateCommon(JsonObject body)
    {
        foreach (var name in new[] { "displayName", "description", "shapeName", "subnetId", "mysqlVersion", "adminUsername", "adminPassword",
                     "availabilityDomain", "faultDomain", "configurationId", "hostnameLabel", "ipAddress" })
        {
            if (body[name] is { } node && (node.GetValueKind() != JsonValueKind.String || ((string?)node)!.Length == 0))
            {
                return $"The field '{name}' must be a non-empty string.";
            }
        }

        foreach (var name in PassThroughObjects)
        {
            if (body[name] is { } node && node.GetValueKind() != JsonValueKind.Object)
            {
                return $"The field '{name}' must be an object.";
            }
        }

        foreach (var name in PassThroughArrays)
        {
            if (body[name] is { } node && node.GetValueKind() != JsonValueKind.Array)
            {
                return $"The field '{name}' must be an array.";
            }
        }

        foreach (var (name, allowed) in EnumValues)
        {
            if (body[name] is { } node && (node.GetValueKind() != JsonValueKind.String || !allowed.Contains((string?)node)))
            {
                return $"The field '{name}' must be one of {string.Join(", ", allowed)}.";
            }
        }

        if (body["isHighlyAvailable"] is { } ha && ha.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return "The field 'isHighlyAvailable' must be a boolean.";
        }

        if (body["freeformTags"] is { } tags &&
            (tags is not JsonObject tagObject || tagObject.Any(t => t.Value?.GetValueKind() != JsonValueKind.String)))
        {
            return "The field 'freeformTags' must be an object of string values.";
        }

        return Text(body, "displayName", 255)
               ?? Text(body, "description", 400)
               ?? Shape(body)
               ?? Ocid(body, "subnetId", "ocid1.subnet.")
               ?? Ocid(body, "configurationId", "ocid1.mysqlconfiguration.")
               ?? Version(body)
               ?? Username(body)
               ?? Password(body)
               ?? Integer(body, "dataStorageSizeInGBs", MysqlCatalog.MinStorageGBs, MysqlCatalog.MaxStorageGBs)
               ?? Integer(body, "port", 1, 65535)
               ?? Integer(body, "portX", 1, 65535)
               ?? Ports(body)
               ?? Hostname(body)
               ?? IpAddress(body)
               ?? FaultDomain(body)
               ?? NsgIds(body)
               ?? BackupRetention(body)
               ?? MaxStorage(body);
    }

    private static string? NsgIds(JsonObject body) =>
        body["nsgIds"] is JsonArray ids && ids.Any(id => id?.GetValueKind() != JsonValueKind.String || !((string)id!).StartsWith("ocid1.networksecuritygroup.", StringComparison.Ordinal))
            ? "The field 'nsgIds' must hold network security group OCIDs (ocid1.networksecuritygroup.)."
            : null;

    private static string? BackupRetention(JsonObject body) =>
        body["backupPolicy"] is JsonObject policy ? Integer(policy, "retentionInDays", 1, 35) is { } problem ? "backupPolicy: " + problem : null : null;

    private static string? MaxStorage(JsonObject body)
    {
        if (body["dataStorage"] is not JsonObject storage)
        {
            return null;
        }

        if (Integer(storage, "maxStorageSizeInGBs", MysqlCatalog.MinStorageGBs, MysqlCatalog.MaxStorageGBs) is { } problem)
        {
            return "dataStorage: " + problem;
        }

        return storage["maxStorageSizeInGBs"] is { } max && body["dataStorageSizeInGBs"] is { } size && (int)max! < (int)size!
            ? "The field 'dataStorage.maxStorageSizeInGBs' must not be below 'dataStorageSizeInGBs'."
            : null;
    }

    private static string? Text(JsonObject body, string name, int max) =>
        body[name] is { } node && ((string?)node)!.Length > max ? $"The field '{name}' must be at most {max} characters." : null;

    private static string? Shape(JsonObject body) =>
        body["shapeName"] is { } node && !MysqlCatalog.Shapes.Contains((string)node!)
            ? $"The shape '{(string?)node}' is not a valid MySQL shape in this region."
            : null;

    private static string? Ocid(JsonObject body, string name, params string[] prefixes) =>
        body[name] is { } node && (node.GetValueKind() != JsonValueKind.String || !prefixes.Any(p => ((string)node!).StartsWith(p, StringComparison.Ordinal)))
            ? $"The field '{name}' must be an OCID starting with {string.Join(" or ", prefixes)}."
            : null;

    private static string? Version(JsonObject body) =>
        body["mysqlVersion"] is { } node && MysqlCatalog.ResolveVersion((string)node!) is null
            ? $"The MySQL version '{(string?)node}' is not available; valid versions are {string.Join(", ", MysqlCatalog.Versions)}."
            : null;

    private static string? Username(JsonObject body)
    {
        if (body["adminUsername"] is not { } node)
        {
            return null;
        }

        var name = (string)node!;
        if (name.Length > 32 || !UsernamePattern().IsMatch(name))
        {
            return "The admin username must be 1–32 characters of letters, digits, '_', '-' or '.', starting with a letter.";
        }

        return MysqlCatalog.ReservedUsernames.Contains(name) ? $"The admin username '{name}' is reserved." : null;
    }

    private static string? Password(JsonObject body) =>
        body["adminPassword"] is { } node ? PasswordProblem((string)node!, (string?)body["adminUsername"]) : null;

    private static string? Integer(JsonObject body, string name, int min, int max)
    {
        if (body[name] is not { } node)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
        {
            return $"The field '{name}' must be an integer.";
        }

        return value < min || value > max ? $"The field '{name}' must be between {min} and {max}." : null;
    }

    private static string? Ports(JsonObject body) =>
        body["port"] is { } port && body["portX"] is { } portX && (int)port! == (int)portX!
            ? "The fields 'port' and 'portX' must differ."
            : null;

    private static string? Hostname(JsonObject body) =>
        body["hostnameLabel"] is { } node && !HostnamePattern().IsMatch((string)node!)
            ? "The hostnameLabel must be 1–63 letters, digits or hyphens, starting with a letter."
            : null;

    private static string? IpAddress(JsonObject body) =>
        body["ipAddress"] is { } node &&
        (!System.Net.IPAddress.TryParse((string)node!, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork || IPAddress.IsLoopback(ip))
            ? $"The ipAddress '{(string?)node}' is not a valid private IPv4 address."
            : null;

    private static string? FaultDomain(JsonObject body) =>
        body["faultDomain"] is { } node && (string?)node is not ("FAULT-DOMAIN-1" or "FAULT-DOMAIN-2" or "FAULT-DOMAIN-3")
            ? $"The faultDomain '{(string?)node}' is not valid (FAULT-DOMAIN-1, FAULT-DOMAIN-2 or FAULT-DOMAIN-3)."
            : null;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,31}$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,62}$")]
    private static partial Regex HostnamePattern();
}
