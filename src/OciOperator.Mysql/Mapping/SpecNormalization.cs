using System.Text.Json.Nodes;

namespace OciOperator.Mysql.Mapping;

/// <summary>
/// Comparisons that know how OCI rewrites what it was sent, so normalisation is never taken for a change: an
/// availability domain may be written with or without its tenancy prefix, and OCI upgrades <c>mysqlVersion</c>
/// within its track during maintenance.
/// </summary>
internal static class SpecNormalization
{
    /// <summary>Same availability domain: equal ignoring case, or one is the other's suffix after the <c>xxxx:</c> prefix.</summary>
    public static bool SameAvailabilityDomain(string? a, string? b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return string.IsNullOrEmpty(a) == string.IsNullOrEmpty(b);
        }

        return string.Equals(Suffix(a), Suffix(b), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when the running <paramref name="live"/> version satisfies the <paramref name="desired"/> one: equal, a
    /// track prefix (<c>8.0</c> for <c>8.0.36</c>), or the same major.minor with a patch at least as new (an
    /// auto-upgrade).
    /// </summary>
    public static bool VersionSatisfied(string? desired, string? live)
    {
        if (string.IsNullOrEmpty(desired) || string.IsNullOrEmpty(live) || desired == live)
        {
            return true;
        }

        if (live.StartsWith(desired + ".", StringComparison.Ordinal))
        {
            return true;
        }

        var d = Parts(desired);
        var l = Parts(live);
        return d.Length >= 3 && l.Length >= 3 && d[0] == l[0] && d[1] == l[1] && l[2] >= d[2];
    }

    /// <summary>
    /// Removes, at any depth, the nested blocks of a spec (as JSON) that carry no value: every leaf null, <c>""</c> or
    /// an empty list. Go clients of OSOK's CRD write such zero-value blocks back into the spec (e.g.
    /// <c>rest: {configuration: ""}</c>), and OSOK treats them as absent (<c>reference/osok.md</c> §1.1); sent to OCI
    /// they would be refused. Scalars and lists are left as they are. Returns <paramref name="spec"/>, changed in place.
    /// </summary>
    public static JsonObject WithoutEmptyBlocks(JsonObject spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var key in spec.Where(p => p.Value is JsonObject).Select(p => p.Key).ToList())
        {
            var block = (JsonObject)spec[key]!;
            if (IsEmpty(block))
            {
                spec.Remove(key);
            }
            else
            {
                WithoutEmptyBlocks(block);
            }
        }

        return spec;
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.All(p => IsEmpty(p.Value)),
        JsonArray a => a.Count == 0,
        JsonValue v => v.TryGetValue<string>(out var text) && text.Length == 0,
        _ => false,
    };

    private static string Suffix(string ad)
    {
        var colon = ad.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? ad : ad[(colon + 1)..];
    }

    private static int[] Parts(string version)
    {
        var core = version.Split('-', 2)[0];
        var pieces = core.Split('.');
        var parts = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!int.TryParse(pieces[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out parts[i]))
            {
                return [];
            }
        }

        return parts;
    }
}
