using System.Text.Json;

namespace OciOperator.Oci.Regions;

/// <summary>
/// Region and realm resolution (oci.md §4): short codes, realm domains, unknown regions defaulting to oc1 (or
/// <c>OCI_DEFAULT_REALM</c>), extra regions from <c>OCI_REGION_METADATA</c>. Immutable once built.
/// </summary>
public sealed partial class OciRegions
{
    private readonly Dictionary<string, OciRegion> _byId;
    private readonly Dictionary<string, OciRegion> _byCode;
    private readonly string _defaultRealm;

    private OciRegions(IEnumerable<OciRegion> regions, string defaultRealm)
    {
        _byId = new Dictionary<string, OciRegion>(StringComparer.OrdinalIgnoreCase);
        _byCode = new Dictionary<string, OciRegion>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in regions)
        {
            _byId[r.Id] = r;
            if (r.ShortCode is not null)
            {
                _byCode[r.ShortCode] = r;
            }
        }

        _defaultRealm = defaultRealm;
    }

    /// <summary>The built-in table only.</summary>
    public static OciRegions BuiltIn => BuiltInHolder.Instance;

    /// <summary>
    /// The built-in table plus <c>OCI_REGION_METADATA</c> (one JSON object) and <c>OCI_DEFAULT_REALM</c>, read through
    /// <paramref name="environment"/>.
    /// </summary>
    public static OciRegions FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var regions = BuiltInRegions().ToList();
        var metadata = environment("OCI_REGION_METADATA");
        if (!string.IsNullOrWhiteSpace(metadata))
        {
            regions.Add(ParseMetadata(metadata, "OCI_REGION_METADATA"));
        }

        var realm = environment("OCI_DEFAULT_REALM");
        return new OciRegions(regions, string.IsNullOrWhiteSpace(realm) ? "oc1" : realm.Trim().ToLowerInvariant());
    }

    /// <summary>
    /// Parses region metadata <c>{"realmKey","realmDomainComponent","regionKey","regionIdentifier"}</c> (also the IMDS
    /// <c>regionInfo</c> shape).
    /// </summary>
    public static OciRegion ParseMetadata(string json, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            string Field(string name) =>
                root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                    ? s
                    : throw new OciConfigurationException($"Region metadata from {source} is missing '{name}'.");
            return new OciRegion(
                Field("regionIdentifier").ToLowerInvariant(),
                Field("regionKey").ToLowerInvariant(),
                Field("realmKey").ToLowerInvariant(),
                Field("realmDomainComponent"));
        }
        catch (JsonException ex)
        {
            throw new OciConfigurationException($"Region metadata from {source} is not valid JSON.", ex);
        }
    }

    private static class BuiltInHolder
    {
        internal static readonly OciRegions Instance = new(BuiltInRegions(), "oc1");
    }

    /// <summary>The realm domain of a realm key, or null.</summary>
    public static string? RealmDomain(string realmKey) => Realms.GetValueOrDefault(realmKey.ToLowerInvariant());

    /// <summary>
    /// Resolves a region id or short code (case-insensitive, trimmed). Unknown ids resolve to the default realm.
    /// </summary>
    public OciRegion Resolve(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var key = region.Trim().ToLowerInvariant();
        if (_byId.TryGetValue(key, out var byId))
        {
            return byId;
        }

        if (_byCode.TryGetValue(key, out var byCode))
        {
            return byCode;
        }

        if (!key.Contains('-', StringComparison.Ordinal) && !key.Contains('.', StringComparison.Ordinal) && key.Length == 3)
        {
            throw new OciConfigurationException($"Unknown OCI region short code '{key}'. Use the region identifier (e.g. us-ashburn-1) or set OCI_REGION_METADATA.");
        }

        return new OciRegion(key, null, _defaultRealm, RealmDomain(_defaultRealm) ?? "oraclecloud.com");
    }
}
