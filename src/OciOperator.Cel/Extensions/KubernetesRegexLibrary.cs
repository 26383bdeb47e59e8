using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>Kubernetes apiserver CEL regex library: find, findAll (linear-time regex engine).</summary>
internal static class KubernetesRegexLibrary
{
    public static void Register(FunctionRegistry r)
    {
        var s = CelType.String;
        r.MemberBinary<StringValue, StringValue>("find", "string_find_string", s, s, s, (x, re) =>
        {
            var regex = RegexCache.Get(re.Value, out var error);
            if (regex is null)
            {
                return new ErrorValue(error!);
            }

            var m = regex.Match(x.Value);
            return StringValue.Of(m.Success ? m.Value : string.Empty);
        });
        r.MemberBinary<StringValue, StringValue>("findAll", "string_find_all_string", CelType.List(s), s, s, (x, re) => FindAll(x, re, -1));
        r.Member("findAll", "string_find_all_string_int", CelType.List(s), [s, s, CelType.Int], a => FindAll((StringValue)a[0], (StringValue)a[1], ((IntValue)a[2]).Value));
    }

    private static CelValue FindAll(StringValue x, StringValue re, long limit)
    {
        var regex = RegexCache.Get(re.Value, out var error);
        if (regex is null)
        {
            return new ErrorValue(error!);
        }

        if (limit == 0)
        {
            return ArrayListValue.Empty;
        }

        var results = new List<CelValue>();
        foreach (System.Text.RegularExpressions.Match m in regex.Matches(x.Value))
        {
            if (limit > 0 && results.Count >= limit)
            {
                break;
            }

            results.Add(StringValue.Of(m.Value));
        }

        return new ArrayListValue([.. results]);
    }
}
