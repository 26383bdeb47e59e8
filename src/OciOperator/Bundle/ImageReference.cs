using System.Text.RegularExpressions;

namespace OciOperator.Bundle;

/// <summary>
/// The operator image as the install names it: a full reference (registry host, repository, tag) whose tag is
/// <c>v</c> + a semantic version. That tag is the one version constant of the install: the CSV's version and name
/// are derived from it.
/// </summary>
internal static partial class ImageReference
{
    /// <summary>The semantic version of <paramref name="image"/>'s tag, or null with the reason added to <paramref name="errors"/>.</summary>
    public static string? Version(string image, List<string> errors)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? "" : image[..slash];
        if (!(host.Contains('.', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) || host == "localhost"))
        {
            errors.Add($"the image '{image}' is not a full reference: name its registry (e.g. ghcr.io/owner/oci-operator:v1.2.3)");
            return null;
        }

        if (image.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"the image '{image}' is pinned by digest: the CSV version comes from a tag v<semver>");
            return null;
        }

        var colon = image.LastIndexOf(':');
        if (colon < slash)
        {
            errors.Add($"the image '{image}' has no tag: tag it v<semver> (never latest)");
            return null;
        }

        var tag = image[(colon + 1)..];
        var version = tag.StartsWith('v') ? tag[1..] : tag;
        if (!SemVer().IsMatch(version))
        {
            errors.Add($"the image tag '{tag}' is not v<semver> (e.g. v0.1.0); the CSV version is derived from it");
            return null;
        }

        return version;
    }

    /// <summary>Whether <paramref name="version"/> is a semantic version 2.0.0 (semver.org's grammar).</summary>
    public static bool IsSemVer(string version) => SemVer().IsMatch(version);

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial Regex SemVer();
}
