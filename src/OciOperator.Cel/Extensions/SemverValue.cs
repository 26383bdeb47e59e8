using System.Globalization;
using System.Text.RegularExpressions;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>A semantic version (semver 2.0.0) for the Kubernetes semver library.</summary>
internal sealed partial class SemverValue : CelValue
{
    public static readonly CelType SemverType = CelType.Opaque("kubernetes.Semver");

    private SemverValue(ulong major, ulong minor, ulong patch, string[] pre, string text)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Pre = pre;
        Text = text;
    }

    public ulong Major { get; }

    public ulong Minor { get; }

    public ulong Patch { get; }

    public string[] Pre { get; }

    public string Text { get; }

    public override CelType Type => SemverType;

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static SemverValue? TryParse(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success
            || !ulong.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !ulong.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !ulong.TryParse(m.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            return null;
        }

        var pre = m.Groups[4].Success ? m.Groups[4].Value.Split('.') : [];
        return new SemverValue(major, minor, patch, pre, text);
    }

    /// <summary>Semver precedence (build metadata ignored).</summary>
    public int CompareTo(SemverValue o)
    {
        var c = Major.CompareTo(o.Major);
        c = c != 0 ? c : Minor.CompareTo(o.Minor);
        c = c != 0 ? c : Patch.CompareTo(o.Patch);
        if (c != 0)
        {
            return c;
        }

        if (Pre.Length == 0 || o.Pre.Length == 0)
        {
            // A version without pre-release identifiers has higher precedence.
            return o.Pre.Length.CompareTo(Pre.Length);
        }

        for (var i = 0; i < Math.Min(Pre.Length, o.Pre.Length); i++)
        {
            var aNum = ulong.TryParse(Pre[i], NumberStyles.None, CultureInfo.InvariantCulture, out var an);
            var bNum = ulong.TryParse(o.Pre[i], NumberStyles.None, CultureInfo.InvariantCulture, out var bn);
            var d = (aNum, bNum) switch
            {
                (true, true) => an.CompareTo(bn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(Pre[i], o.Pre[i]),
            };
            if (d != 0)
            {
                return Math.Sign(d);
            }
        }

        return Pre.Length.CompareTo(o.Pre.Length);
    }

    public override bool Equals(object? obj) => obj is SemverValue o && CompareTo(o) == 0;

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, Pre.Length);

    public override object? ToObject() => Text;
}
