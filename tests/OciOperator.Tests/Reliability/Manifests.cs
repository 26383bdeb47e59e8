using System.Text.Json.Nodes;

namespace OciOperator.Tests.Reliability;

/// <summary>Test-data builders: namespaces, admin Secrets and DbSystems shaped like the seed sample.</summary>
internal static class Manifests
{
    public const string AdminUsername = "admin";

    public static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    public static JsonObject AdminSecret(string name, string password, string username = AdminUsername) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["stringData"] = new JsonObject { ["username"] = username, ["password"] = password },
    };

    /// <summary>A valid DbSystem (the seed sample's spec) named <paramref name="name"/>, reading <paramref name="secret"/>.</summary>
    public static JsonObject DbSystem(string name, string secret = "admin-secret") => new()
    {
        ["apiVersion"] = "mysql.oracle.com/v1beta1",
        ["kind"] = "DbSystem",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["compartmentId"] = "ocid1.compartment.oc1..exampleuniqueID",
            ["displayName"] = name,
            ["shapeName"] = "MySQL.2",
            ["subnetId"] = "ocid1.subnet.oc1..exampleuniqueID",
            ["availabilityDomain"] = "qqZb:US-ASHBURN-AD-1",
            ["isHighlyAvailable"] = false,
            ["adminUsername"] = new JsonObject { ["secret"] = new JsonObject { ["secretName"] = secret } },
            ["adminPassword"] = new JsonObject { ["secret"] = new JsonObject { ["secretName"] = secret } },
            ["description"] = "reliability suite",
            ["dataStorageSizeInGBs"] = 50,
        },
    };

    public static string Uid(JsonNode obj) => obj["metadata"]?["uid"]?.GetValue<string>() ?? "";

    public static string? LifecycleState(JsonNode obj) => obj["status"]?["lifecycleState"]?.GetValue<string>();

    /// <summary>The DbSystem's conditions (OSOK's <c>status.status.conditions</c>).</summary>
    public static IReadOnlyList<JsonObject> Conditions(JsonNode obj) =>
        obj["status"]?["status"]?["conditions"] is JsonArray a ? [.. a.OfType<JsonObject>()] : [];

    /// <summary>The Failed condition when it is True with a reason and a message (a clear failure), else null.</summary>
    public static JsonObject? ClearFailure(JsonNode obj) =>
        Conditions(obj).FirstOrDefault(c =>
            c["type"]?.GetValue<string>() == "Failed"
            && c["status"]?.GetValue<string>() == "True"
            && !string.IsNullOrWhiteSpace(c["reason"]?.GetValue<string>())
            && !string.IsNullOrWhiteSpace(c["message"]?.GetValue<string>()));
}
