using System.Collections.Concurrent;
using OciOperator.Oci.Identity;

namespace OciOperator.Mysql.Mapping;

/// <summary>
/// Expands a suffix-only availability domain (<c>US-ASHBURN-AD-1</c>, or just <c>AD-1</c>) to the tenancy's full name
/// (<c>Uocm:US-ASHBURN-AD-1</c>) through the identity API's ListAvailabilityDomains, as OSOK does on create: a full
/// name is kept, a name with another tenancy's prefix is kept when its suffix matches one AD, a suffix-only name is
/// expanded when it matches exactly one. The list is cached per compartment (the client serves one region) for
/// <see cref="CacheDuration"/>; a name that matches nothing is looked up once more after the cache has aged.
/// </summary>
internal sealed class AvailabilityDomainResolver(IIdentityClient identity, TimeProvider time)
{
    /// <summary>How long a compartment's list is trusted (ADs are fixed per region; new names are rare).</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> Names, DateTimeOffset ListedAt)> _cache = new(StringComparer.Ordinal);

    /// <summary>The full name of <paramref name="requested"/> in <paramref name="compartmentId"/>'s tenancy, or why there is none.</summary>
    public async Task<AvailabilityDomainResolution> ResolveAsync(string compartmentId, string requested, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var names = await ListAsync(compartmentId, ct).ConfigureAwait(false);
        var matches = Match(names, requested);
        return matches.Count == 1
            ? new AvailabilityDomainResolution(matches[0], null)
            : new AvailabilityDomainResolution(
                null,
                matches.Count == 0
                    ? $"The availabilityDomain '{requested}' matches none of the availability domains of this region: {string.Join(", ", names)}."
                    : $"The availabilityDomain '{requested}' matches several availability domains of this region ({string.Join(", ", matches)}); give the full name.");
    }

    /// <summary>
    /// The names <paramref name="requested"/> stands for: itself when listed; else the listed names whose part after
    /// the <c>prefix:</c> equals the requested name's part after its own prefix, or ends with <c>-</c> and it (case-insensitive).
    /// </summary>
    internal static List<string> Match(IReadOnlyList<string> names, string requested)
    {
        if (names.Contains(requested, StringComparer.Ordinal))
        {
            return [requested];
        }

        var colon = requested.IndexOf(':', StringComparison.Ordinal);
        var suffix = colon >= 0 ? requested[(colon + 1)..] : requested;
        if (suffix.Length == 0)
        {
            return [];
        }

        var matches = names.Where(n => SuffixOf(n).Equals(suffix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0 && colon < 0)
        {
            matches = [.. names.Where(n => SuffixOf(n).EndsWith("-" + suffix, StringComparison.OrdinalIgnoreCase))];
        }

        // An explicit prefix of another alias is kept as written when its suffix names one AD (OSOK's rule).
        return colon >= 0 && matches.Count == 1 ? [requested] : matches;
    }

    private static string SuffixOf(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? name[(colon + 1)..] : name;
    }

    private async Task<IReadOnlyList<string>> ListAsync(string compartmentId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(compartmentId, out var cached) && now - cached.ListedAt < CacheDuration)
        {
            return cached.Names;
        }

        var listed = await identity.ListAvailabilityDomainsAsync(compartmentId, ct).ConfigureAwait(false);
        IReadOnlyList<string> names = [.. listed.Select(ad => ad.Name).Order(StringComparer.Ordinal)];
        _cache[compartmentId] = (names, now);
        return names;
    }
}

/// <summary>The expanded name, or the problem (a permanent failure naming the available ones).</summary>
internal sealed record AvailabilityDomainResolution(string? Name, string? Problem);
