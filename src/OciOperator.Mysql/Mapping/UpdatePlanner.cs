using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Ownership;
using OciOperator.Oci.Mysql;
using DbSystem = OciOperator.Mysql.Api.DbSystem;

namespace OciOperator.Mysql.Mapping;

/// <summary>
/// Computes updates. Against the last applied spec (the normal case): a field counts as changed only when the user
/// changed it, so OCI's normalisation is never drift. Against the live DB system (binding by <c>spec.id</c>, and the
/// resync check for out-of-band changes): only fields the spec sets are compared, with OCI's normalisation allowed.
/// Unset spec fields are never sent (OCI cannot "unset" by omission); freeform tags are compared and sent whole,
/// with the ownership tags added.
/// </summary>
internal static class UpdatePlanner
{
    /// <summary>
    /// Desired spec against what was last applied. A changed <c>mysqlVersion</c> that the running version
    /// (<paramref name="liveMysqlVersion"/>) already satisfies — a pin relaxed to its track, or raised to what OCI
    /// auto-upgraded to — is not a replacement.
    /// </summary>
    public static SpecChanges AgainstLastApplied(DbSystem dbSystem, DbSystemSpec lastApplied, string? liveMysqlVersion = null)
    {
        ArgumentNullException.ThrowIfNull(dbSystem);
        ArgumentNullException.ThrowIfNull(lastApplied);
        var desired = Effective(dbSystem, dbSystem.Spec);
        var applied = Effective(dbSystem, lastApplied);
        var forceNew = new List<string>();
        foreach (var field in SpecFields.ForceNew)
        {
            var d = desired[field];
            if (d is null)
            {
                continue;
            }

            var same = field switch
            {
                "availabilityDomain" => SpecNormalization.SameAvailabilityDomain((string?)d, (string?)applied[field]),
                "mysqlVersion" => JsonNode.DeepEquals(d, applied[field])
                    || (liveMysqlVersion is not null && SpecNormalization.VersionSatisfied((string?)d, liveMysqlVersion)),
                _ => JsonNode.DeepEquals(d, applied[field]),
            };
            if (!same)
            {
                forceNew.Add("spec." + field);
            }
        }

        var changed = SpecFields.Mutable.Where(f => desired[f] is not null && !JsonNode.DeepEquals(desired[f], applied[f])).ToList();
        return Build(forceNew, changed, desired);
    }

    /// <summary>Desired spec against the live DB system (binding, and out-of-band changes at resync).</summary>
    public static SpecChanges AgainstLive(DbSystem dbSystem, DbSystemStatus live, IEnumerable<string> mutableFields, bool checkForceNew)
    {
        ArgumentNullException.ThrowIfNull(dbSystem);
        ArgumentNullException.ThrowIfNull(live);
        var desired = Effective(dbSystem, dbSystem.Spec);
        var actual = ApiJson.ToObject(live);
        var forceNew = new List<string>();
        if (checkForceNew)
        {
            foreach (var field in SpecFields.ForceNew.Where(f => f is not "source" and not "adminUsername"))
            {
                var d = desired[field];
                if (d is null)
                {
                    continue;
                }

                var same = field switch
                {
                    "availabilityDomain" => SpecNormalization.SameAvailabilityDomain((string?)d, live.AvailabilityDomain),
                    "mysqlVersion" => SpecNormalization.VersionSatisfied((string?)d, live.MysqlVersion),
                    _ => JsonNode.DeepEquals(d, actual[field]),
                };
                if (!same)
                {
                    forceNew.Add("spec." + field);
                }
            }
        }

        var changed = mutableFields.Where(f => desired[f] is { } d && !LiveSatisfies(f, d, actual[f])).ToList();
        return Build(forceNew, changed, desired);
    }

    /// <summary>The spec as sent: without empty blocks, with the ownership tags in <c>freeformTags</c>.</summary>
    private static JsonObject Effective(DbSystem dbSystem, DbSystemSpec spec)
    {
        var body = SpecNormalization.WithoutEmptyBlocks(ApiJson.ToObject(spec));
        body["freeformTags"] = ApiJson.ToObject(OwnershipTags.WithOwnership(
            spec.FreeformTags, dbSystem.Metadata.Uid, dbSystem.Metadata.NamespaceProperty, dbSystem.Metadata.Name));
        return body;
    }

    private static bool LiveSatisfies(string field, JsonNode desired, JsonNode? live) => field switch
    {
        // OCI adds its own defined tags (Oracle-Tags.CreatedBy...): only the keys the spec names must match.
        "definedTags" => desired is JsonObject d && live is JsonObject l && d.All(ns =>
            ns.Value is JsonObject keys && l[ns.Key] is JsonObject liveKeys && keys.All(k => JsonNode.DeepEquals(k.Value, liveKeys[k.Key]))),
        "nsgIds" => desired is JsonArray a && live is JsonArray b
            && a.Select(x => (string?)x).Order(StringComparer.Ordinal).SequenceEqual(b.Select(x => (string?)x).Order(StringComparer.Ordinal)),
        // Auto-expanding storage grows the live size: only a smaller live size is drift.
        "dataStorageSizeInGBs" => live is not null && (int)live >= (int)desired,
        // Tags are compared whole: a tag added out of band is drift.
        "freeformTags" => JsonNode.DeepEquals(desired, live),
        // OCI fills in defaults inside nested objects: only the fields the spec sets are compared.
        _ => Covers(desired, live),
    };

    /// <summary>
    /// True when every field set in <paramref name="desired"/> has the same value in <paramref name="live"/> (lists
    /// element by element, same length; timestamps by instant, as OCI writes them with milliseconds).
    /// </summary>
    private static bool Covers(JsonNode? desired, JsonNode? live) => desired switch
    {
        null => true,
        JsonObject d => live is JsonObject l && d.All(p => Covers(p.Value, l[p.Key])),
        JsonArray d => live is JsonArray l && d.Count == l.Count && d.Zip(l).All(p => Covers(p.First, p.Second)),
        _ => JsonNode.DeepEquals(desired, live) || SameInstant(desired, live),
    };

    private static bool SameInstant(JsonNode desired, JsonNode? live) =>
        desired is JsonValue d && live is JsonValue l
        && d.TryGetValue<string>(out var a) && l.TryGetValue<string>(out var b)
        && a.Length >= 20 && a[10] == 'T' && b.Length >= 20 && b[10] == 'T'
        && DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var x)
        && DateTimeOffset.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var y)
        && x == y;

    private static SpecChanges Build(List<string> forceNew, List<string> changed, JsonObject desired)
    {
        if (forceNew.Count > 0 || changed.Count == 0)
        {
            return new SpecChanges(forceNew, changed.Select(f => "spec." + f).ToList(), null);
        }

        var body = new JsonObject();
        foreach (var field in changed)
        {
            body[field] = desired[field]!.DeepClone();
        }

        var update = body.Deserialize(MysqlJsonContext.Default.UpdateDbSystemDetails)
            ?? throw new InvalidOperationException("The changed fields could not be turned into UpdateDbSystemDetails.");
        return new SpecChanges([], changed.Select(f => "spec." + f).ToList(), update);
    }
}
