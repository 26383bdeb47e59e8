using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Ownership;
using OciOperator.Oci.Mysql;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>Wire forms of the update bodies and of the spec fields they are expected to carry.</summary>
internal static class UpdateBodies
{
    /// <summary>The UpdateDbSystem body exactly as the OCI client sends it.</summary>
    public static JsonObject Wire(UpdateDbSystemDetails update) =>
        JsonSerializer.SerializeToNode(update, MysqlJsonContext.Default.UpdateDbSystemDetails)!.AsObject();

    /// <summary>The spec field as it should be sent: the spec's value, with the ownership tags in freeformTags.</summary>
    public static JsonNode? Expected(DbSystemSpec spec, string field)
    {
        var body = ApiJson.ToObject(spec);
        body["freeformTags"] = ApiJson.ToObject(OwnershipTags.WithOwnership(
            spec.FreeformTags, TestDbSystems.Uid, TestDbSystems.Namespace, TestDbSystems.Name));
        return body[field];
    }

    /// <summary>
    /// The leaves of <paramref name="node"/> as canonical strings: timestamps as UTC instants (OCI writes
    /// milliseconds, a spec may not), everything else as its JSON text.
    /// </summary>
    public static Dictionary<string, string> Canonical(JsonNode? node) =>
        JsonLeaves.Of(node).ToDictionary(p => p.Key, p => CanonicalValue(p.Value), StringComparer.Ordinal);

    private static string CanonicalValue(JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length >= 20 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        return value?.ToJsonString() ?? "null";
    }
}
