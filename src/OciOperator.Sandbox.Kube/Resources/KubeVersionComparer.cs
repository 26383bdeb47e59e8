using System.Globalization;
using System.Text.RegularExpressions;

namespace OciOperator.Sandbox.Kube.Resources;

/// <summary>
/// Kubernetes' "kube-aware" version order: GA before beta before alpha, higher major first, then higher
/// pre-release number; anything else after, alphabetically (apimachinery <c>CompareKubeAwareVersionStrings</c>).
/// </summary>
internal sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = Parse(x ?? "");
        var b = Parse(y ?? "");
        if (a.Rank != b.Rank)
        {
            return a.Rank.CompareTo(b.Rank);
        }

        if (a.Rank == 3)
        {
            return string.CompareOrdinal(x, y);
        }

        if (a.Major != b.Major)
        {
            return b.Major.CompareTo(a.Major);
        }

        return b.Minor.CompareTo(a.Minor);
    }

    private static (int Rank, int Major, int Minor) Parse(string v)
    {
        var m = VersionRegex().Match(v);
        if (!m.Success)
        {
            return (3, 0, 0);
        }

        var major = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var minor = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return m.Groups[2].Value switch
        {
            "" => (0, major, 0),
            "beta" => (1, major, minor),
            _ => (2, major, minor),
        };
    }

    [GeneratedRegex("^v([1-9][0-9]*)(?:(alpha|beta)([1-9][0-9]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionRegex();
}
