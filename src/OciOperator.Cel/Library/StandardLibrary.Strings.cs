using OciOperator.Cel.Values;

namespace OciOperator.Cel.Library;

/// <summary>String functions: contains, startsWith, endsWith, matches.</summary>
internal static partial class StandardLibrary
{
    private static void RegisterStrings(FunctionRegistry r)
    {
        var s = CelType.String;
        var b = CelType.Bool;
        r.MemberBinary<StringValue, StringValue>("contains", "contains_string", b, s, s, (x, y) => BoolValue.Of(x.Value.Contains(y.Value, StringComparison.Ordinal)));
        r.MemberBinary<StringValue, StringValue>("startsWith", "starts_with_string", b, s, s, (x, y) => BoolValue.Of(x.Value.StartsWith(y.Value, StringComparison.Ordinal)));
        r.MemberBinary<StringValue, StringValue>("endsWith", "ends_with_string", b, s, s, (x, y) => BoolValue.Of(x.Value.EndsWith(y.Value, StringComparison.Ordinal)));
        r.MemberBinary<StringValue, StringValue>("matches", "matches_string", b, s, s, (x, y) => RegexCache.Matches(x.Value, y.Value));
        r.Binary<StringValue, StringValue>("matches", "matches", b, s, s, (x, y) => RegexCache.Matches(x.Value, y.Value));
    }
}
