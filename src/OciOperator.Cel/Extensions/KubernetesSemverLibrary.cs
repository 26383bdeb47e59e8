using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>Kubernetes apiserver CEL semver library: semver, isSemver, major, minor, patch, compareTo, isLessThan, isGreaterThan.</summary>
internal static class KubernetesSemverLibrary
{
    public static void Register(FunctionRegistry r)
    {
        var v = SemverValue.SemverType;
        var i = CelType.Int;
        r.Unary<StringValue>("semver", "string_to_semver", v, CelType.String, s => (CelValue?)SemverValue.TryParse(s.Value) ?? new ErrorValue($"invalid semver: '{s.Value}'"));
        r.Unary<StringValue>("isSemver", "is_semver_string", CelType.Bool, CelType.String, s => BoolValue.Of(SemverValue.TryParse(s.Value) is not null));
        r.MemberUnary<SemverValue>("major", "semver_major", i, v, x => IntValue.Of((long)Math.Min(x.Major, long.MaxValue)));
        r.MemberUnary<SemverValue>("minor", "semver_minor", i, v, x => IntValue.Of((long)Math.Min(x.Minor, long.MaxValue)));
        r.MemberUnary<SemverValue>("patch", "semver_patch", i, v, x => IntValue.Of((long)Math.Min(x.Patch, long.MaxValue)));
        r.MemberBinary<SemverValue, SemverValue>("compareTo", "semver_compare_to", i, v, v, (a, b) => IntValue.Of(Math.Sign(a.CompareTo(b))));
        r.MemberBinary<SemverValue, SemverValue>("isLessThan", "semver_less", CelType.Bool, v, v, (a, b) => BoolValue.Of(a.CompareTo(b) < 0));
        r.MemberBinary<SemverValue, SemverValue>("isGreaterThan", "semver_greater", CelType.Bool, v, v, (a, b) => BoolValue.Of(a.CompareTo(b) > 0));
    }
}
