using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// Malformed DbSystems: a fixed table of known-bad ones (wrong types past the schema, boundary integers, bad
/// date-times in status, huge strings, unicode, deep nesting, empty and control-character identifiers) and seeded
/// random mutations of a valid one (one to three fields set to a hostile value each).
/// </summary>
internal static partial class PoisonGenerator
{
    private const PoisonOutcome RejectedOrFailed = PoisonOutcome.Rejected | PoisonOutcome.Failed;

    private static readonly string[] Fields =
    [
        "displayName", "description", "compartmentId", "shapeName", "subnetId", "availabilityDomain", "mysqlVersion",
        "dataStorageSizeInGBs", "port", "portX", "isHighlyAvailable", "hostnameLabel", "freeformTags", "id", "faultDomain",
    ];

    public static IEnumerable<PoisonCase> Fixed()
    {
        yield return Spec("poison-type-storage-string", "dataStorageSizeInGBs as a string", s => s["dataStorageSizeInGBs"] = "fifty", PoisonOutcome.Rejected);
        yield return Spec("poison-type-ha-string", "isHighlyAvailable as a string", s => s["isHighlyAvailable"] = "yes", PoisonOutcome.Rejected);
        yield return Spec("poison-type-tags-array", "freeformTags as an array", s => s["freeformTags"] = new JsonArray(1, "a"), PoisonOutcome.Rejected);
        yield return Spec("poison-type-name-object", "displayName as an object", s => s["displayName"] = new JsonObject { ["a"] = 1 }, PoisonOutcome.Rejected);
        yield return Spec("poison-int32-overflow", "dataStorageSizeInGBs 2147483648 (past int32)", s => s["dataStorageSizeInGBs"] = 2147483648L, RejectedOrFailed);
        yield return Spec("poison-int32-max", "dataStorageSizeInGBs 2147483647", s => s["dataStorageSizeInGBs"] = int.MaxValue, RejectedOrFailed);
        yield return Spec("poison-int64-max", "port 9223372036854775807", s => s["port"] = long.MaxValue, RejectedOrFailed);
        yield return Spec("poison-storage-below", "dataStorageSizeInGBs 49", s => s["dataStorageSizeInGBs"] = 49, RejectedOrFailed);
        yield return Spec("poison-storage-above", "dataStorageSizeInGBs 131073", s => s["dataStorageSizeInGBs"] = 131073, RejectedOrFailed);
        yield return Spec("poison-storage-negative", "dataStorageSizeInGBs -1", s => s["dataStorageSizeInGBs"] = -1, RejectedOrFailed);
        yield return Spec("poison-storage-fraction", "dataStorageSizeInGBs 50.5", s => s["dataStorageSizeInGBs"] = 50.5, RejectedOrFailed);
        yield return Spec("poison-port-zero", "port 0", s => s["port"] = 0, RejectedOrFailed);
        yield return Spec("poison-port-65536", "port 65536", s => s["port"] = 65536, RejectedOrFailed);
        yield return Spec("poison-port-equal", "port == portX", s => { s["port"] = 3306; s["portX"] = 3306; }, RejectedOrFailed);
        yield return Spec("poison-name-1mb", "a 1 MB displayName", s => s["displayName"] = new string('x', 1 << 20), RejectedOrFailed);
        yield return Spec("poison-name-256", "a 256-character displayName", s => s["displayName"] = new string('n', 256), RejectedOrFailed);
        yield return Spec("poison-description-401", "a 401-character description", s => s["description"] = new string('d', 401), RejectedOrFailed);
        yield return Spec("poison-compartment-empty", "an empty compartmentId", s => s["compartmentId"] = "", RejectedOrFailed);
        // OCI answers 404 NotAuthorizedOrNotFound for a compartment that does not exist, and so does the emulator (it
        // knows the tenancy's compartments): these end Failed with OCI's message, or refused by the API server.
        yield return Spec("poison-compartment-unknown", "a compartmentId that does not exist", s => s["compartmentId"] = "ocid1.compartment.oc1..aaaadoesnotexist", PoisonOutcome.Failed);
        yield return Spec("poison-compartment-nul", "a NUL byte in compartmentId", s => s["compartmentId"] = "ocid1.compartment.oc1..\u0000x", RejectedOrFailed);
        yield return Spec("poison-compartment-unicode", "a compartmentId of unicode", s => s["compartmentId"] = "ocid1.compartment.oc1..数据库🚀\u202e", RejectedOrFailed);
        yield return Spec("poison-shape-unknown", "a shape OCI does not have", s => s["shapeName"] = "MySQL.NoSuchShape", RejectedOrFailed);
        yield return Spec("poison-bound-missing", "spec.id naming no DB system", s => s["id"] = "ocid1.mysqldbsystem.oc1.iad.doesnotexist", RejectedOrFailed);
        yield return Spec("poison-secret-missing", "an admin Secret that does not exist", s => s["adminPassword"] = new JsonObject { ["secret"] = new JsonObject { ["secretName"] = "no-such-secret" } }, RejectedOrFailed);
        yield return Spec("poison-unicode-name", "a displayName of unicode, RTL and emoji", s => s["displayName"] = "données-数据库-🚀-\u202eabc", PoisonOutcome.Active | RejectedOrFailed);
        yield return Spec("poison-deep-unknown", "an unknown field nested 200 deep", s => s["unknownDeep"] = Nested(200), PoisonOutcome.Active | PoisonOutcome.Rejected);
        yield return Spec("poison-deep-tags", "freeformTags nested 50 deep", s => s["freeformTags"] = Nested(50), PoisonOutcome.Rejected);
        yield return new PoisonCase(
            "poison-status-date", "a status timestamp with a lower-case t", Valid("poison-status-date").ToJsonString(),
            new JsonObject { ["status"] = new JsonObject { ["status"] = new JsonObject { ["createdAt"] = "2030-01-01t00:00:00Z" } } },
            PoisonOutcome.Reported | PoisonOutcome.Active);
        yield return new PoisonCase(
            "poison-status-type", "status.lifecycleState as a number", Valid("poison-status-type").ToJsonString(),
            new JsonObject { ["status"] = new JsonObject { ["lifecycleState"] = 12345 } },
            PoisonOutcome.Active | PoisonOutcome.Reported);
        yield return new PoisonCase("poison-body-truncated", "a truncated JSON body", Valid("poison-body-truncated").ToJsonString()[..60], null, PoisonOutcome.Rejected);
        yield return new PoisonCase("poison-body-duplicate", "a duplicate JSON key", Valid("poison-body-duplicate").ToJsonString().Replace("\"spec\":{", "\"spec\":{\"port\":1,\"port\":2,", StringComparison.Ordinal), null, PoisonOutcome.Rejected | PoisonOutcome.Active | PoisonOutcome.Failed);
    }

    /// <summary><paramref name="count"/> seeded mutations of a valid DbSystem (one to three hostile fields each).</summary>
    public static IEnumerable<PoisonCase> Random(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var name = $"poison-random-{i:D4}";
            var obj = Valid(name);
            var spec = obj["spec"]!.AsObject();
            var changes = new List<string>();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var field = Fields[random.Next(Fields.Length)];
                var (what, value) = HostileValue(random);
                spec[field] = value;
                changes.Add($"{field}={what}");
            }

            yield return new PoisonCase(name, string.Join(", ", changes), Expand(obj.ToJsonString()), null, PoisonOutcome.Any);
        }
    }

    public static JsonObject Valid(string name) => Manifests.DbSystem(name);

    private static PoisonCase Spec(string name, string what, Action<JsonObject> mutate, PoisonOutcome allowed)
    {
        var obj = Valid(name);
        mutate(obj["spec"]!.AsObject());
        return new PoisonCase(name, what, Expand(obj.ToJsonString()), null, allowed);
    }

    /// <summary>Replaces each deep-nesting placeholder with the nested JSON (too deep for JsonNode's writer).</summary>
    private static string Expand(string json) =>
        DeepPlaceholder().Replace(json, m =>
        {
            var depth = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var text = new StringBuilder();
            for (var i = 0; i < depth; i++)
            {
                text.Append("{\"n\":");
            }

            return text.Append("{\"leaf\":\"x\"}").Append('}', depth).ToString();
        });

    [GeneratedRegex("\"__DEEP_([0-9]+)__\"")]
    private static partial Regex DeepPlaceholder();

    private static (string What, JsonNode? Value) HostileValue(Random random) => random.Next(12) switch
    {
        0 => ("huge string", JsonValue.Create(new string('h', random.Next(300, 200_000)))),
        1 => ("unicode", JsonValue.Create("ßø数据🚀\u202e\u0301" + random.Next())),
        2 => ("control chars", JsonValue.Create("a\u0001\u0007\u001b[31mb")),
        3 => ("empty", JsonValue.Create("")),
        4 => ("int64 max", JsonValue.Create(long.MaxValue)),
        5 => ("negative", JsonValue.Create(-random.Next(1, int.MaxValue))),
        6 => ("fraction", JsonValue.Create(random.NextDouble() * 1000)),
        7 => ("bool", JsonValue.Create(random.Next(2) == 0)),
        8 => ("null", null),
        9 => ("array", new JsonArray(1, "two", new JsonObject())),
        10 => ("deep object", Nested(random.Next(10, 120))),
        _ => ("number string", JsonValue.Create(random.Next(0, 200_000).ToString(System.Globalization.CultureInfo.InvariantCulture))),
    };

    /// <summary>A placeholder that <see cref="Expand"/> turns into an object nested <paramref name="depth"/> deep.</summary>
    private static JsonNode Nested(int depth) => JsonValue.Create($"__DEEP_{depth}__");
}
