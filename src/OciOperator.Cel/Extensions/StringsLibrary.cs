using System.Text;
using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>cel-go ext/strings.go: charAt, indexOf, lastIndexOf, lower/upperAscii, replace, split, substring, trim, join, reverse, quote, format.</summary>
internal static partial class StringsLibrary
{
    public static void Register(FunctionRegistry r)
    {
        var s = CelType.String;
        var i = CelType.Int;
        r.MemberBinary<StringValue, IntValue>("charAt", "string_char_at_int", s, s, i, CharAt);
        r.MemberBinary<StringValue, StringValue>("indexOf", "string_index_of_string", i, s, s, (a, b) => IndexOf(a, b, 0));
        r.Member("indexOf", "string_index_of_string_int", i, [s, s, i], a => IndexOf((StringValue)a[0], (StringValue)a[1], ((IntValue)a[2]).Value));
        r.MemberBinary<StringValue, StringValue>("lastIndexOf", "string_last_index_of_string", i, s, s, (a, b) => LastIndexOf(a, b, null));
        r.Member("lastIndexOf", "string_last_index_of_string_int", i, [s, s, i], a => LastIndexOf((StringValue)a[0], (StringValue)a[1], ((IntValue)a[2]).Value));
        r.MemberUnary<StringValue>("lowerAscii", "string_lower_ascii", s, s, a => StringValue.Of(MapAscii(a.Value, char.ToLowerInvariant)));
        r.MemberUnary<StringValue>("upperAscii", "string_upper_ascii", s, s, a => StringValue.Of(MapAscii(a.Value, char.ToUpperInvariant)));
        r.Member("replace", "string_replace_string_string", s, [s, s, s], a => Replace((StringValue)a[0], (StringValue)a[1], (StringValue)a[2], -1));
        r.Member("replace", "string_replace_string_string_int", s, [s, s, s, i], a => Replace((StringValue)a[0], (StringValue)a[1], (StringValue)a[2], ((IntValue)a[3]).Value));
        r.MemberBinary<StringValue, StringValue>("split", "string_split_string", CelType.List(s), s, s, (a, b) => Split(a.Value, b.Value, -1));
        r.Member("split", "string_split_string_int", CelType.List(s), [s, s, i], a => Split(((StringValue)a[0]).Value, ((StringValue)a[1]).Value, ((IntValue)a[2]).Value));
        r.MemberBinary<StringValue, IntValue>("substring", "string_substring_int", s, s, i, (a, b) => Substring(a, b.Value, null));
        r.Member("substring", "string_substring_int_int", s, [s, i, i], a => Substring((StringValue)a[0], ((IntValue)a[1]).Value, ((IntValue)a[2]).Value));
        r.MemberUnary<StringValue>("trim", "string_trim", s, s, a => StringValue.Of(Trim(a.Value)));
        r.MemberUnary<ListValue>("join", "list_join", s, CelType.List(s), l => Join(l, string.Empty));
        r.MemberBinary<ListValue, StringValue>("join", "list_join_string", s, CelType.List(s), s, (l, sep) => Join(l, sep.Value));
        r.MemberUnary<StringValue>("reverse", "string_reverse", s, s, a =>
        {
            var cps = CodePoints.ToArray(a.Value);
            Array.Reverse(cps);
            return StringValue.Of(CodePoints.FromArray(cps));
        });
        r.Unary<StringValue>("strings.quote", "strings_quote", s, s, a => StringValue.Of(Quote(a.Value)));
        r.MemberBinary<StringValue, ListValue>("format", "string_format", s, s, CelType.ListOfDyn, Format);
    }

    private static CelValue CharAt(StringValue s, IntValue idx)
    {
        var cps = CodePoints.ToArray(s.Value);
        if (idx.Value < 0 || idx.Value > cps.Length)
        {
            return new ErrorValue($"index out of range: {idx.Value}");
        }

        return idx.Value == cps.Length ? StringValue.Empty : StringValue.Of(CodePoints.FromArray(cps.AsSpan((int)idx.Value, 1)));
    }

    private static CelValue IndexOf(StringValue s, StringValue sub, long start)
    {
        var cps = CodePoints.ToArray(s.Value);
        var needle = CodePoints.ToArray(sub.Value);
        if (start < 0 || start > cps.Length)
        {
            return new ErrorValue($"index out of range: {start}");
        }

        for (var i = (int)start; i + needle.Length <= cps.Length; i++)
        {
            if (cps.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return IntValue.Of(i);
            }
        }

        return IntValue.Of(-1);
    }

    private static CelValue LastIndexOf(StringValue s, StringValue sub, long? start)
    {
        var cps = CodePoints.ToArray(s.Value);
        var needle = CodePoints.ToArray(sub.Value);
        var from = start ?? cps.Length;
        if (from < 0 || from > cps.Length)
        {
            return new ErrorValue($"index out of range: {from}");
        }

        for (var i = (int)Math.Min(from, cps.Length - needle.Length); i >= 0; i--)
        {
            if (cps.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return IntValue.Of(i);
            }
        }

        return IntValue.Of(-1);
    }

    private static string MapAscii(string s, Func<char, char> f)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] < 128)
            {
                chars[i] = f(chars[i]);
            }
        }

        return new string(chars);
    }

    private const long MaxResultLength = 16L * 1024 * 1024;

    private static CelValue Replace(StringValue s, StringValue old, StringValue with, long n)
    {
        var maxReplacements = old.Value.Length == 0 ? s.Value.Length + 1L : s.Value.Length / old.Value.Length;
        if (n >= 0)
        {
            maxReplacements = Math.Min(maxReplacements, n);
        }

        if (s.Value.Length + (maxReplacements * (long)with.Value.Length) > MaxResultLength)
        {
            return new ErrorValue("replace(): result would exceed the string size limit");
        }

        if (n < 0)
        {
            return StringValue.Of(old.Value.Length == 0 ? InsertBetweenAll(s.Value, with.Value, -1) : s.Value.Replace(old.Value, with.Value, StringComparison.Ordinal));
        }

        if (old.Value.Length == 0)
        {
            return StringValue.Of(InsertBetweenAll(s.Value, with.Value, n));
        }

        var sb = new StringBuilder();
        var pos = 0;
        for (var k = 0; k < n; k++)
        {
            var idx = s.Value.IndexOf(old.Value, pos, StringComparison.Ordinal);
            if (idx < 0)
            {
                break;
            }

            sb.Append(s.Value, pos, idx - pos).Append(with.Value);
            pos = idx + old.Value.Length;
        }

        return StringValue.Of(sb.Append(s.Value, pos, s.Value.Length - pos).ToString());
    }

    private static string InsertBetweenAll(string s, string with, long n)
    {
        var cps = CodePoints.ToArray(s);
        var sb = new StringBuilder();
        var count = 0L;
        for (var i = 0; i <= cps.Length; i++)
        {
            if (n < 0 || count < n)
            {
                sb.Append(with);
                count++;
            }

            if (i < cps.Length)
            {
                sb.Append(CodePoints.FromArray(cps.AsSpan(i, 1)));
            }
        }

        return sb.ToString();
    }

    private static ArrayListValue Split(string s, string sep, long n)
    {
        if (n == 0)
        {
            return ArrayListValue.Empty;
        }

        List<string> parts;
        if (sep.Length == 0)
        {
            var cps = CodePoints.ToArray(s);
            parts = [];
            for (var i = 0; i < cps.Length; i++)
            {
                if (n > 0 && parts.Count == n - 1)
                {
                    parts.Add(CodePoints.FromArray(cps.AsSpan(i)));
                    break;
                }

                parts.Add(CodePoints.FromArray(cps.AsSpan(i, 1)));
            }
        }
        else
        {
            parts = n < 0 ? [.. s.Split(sep)] : [.. s.Split(sep, (int)Math.Min(n, int.MaxValue))];
        }

        return new ArrayListValue(parts.Select(p => (CelValue)StringValue.Of(p)).ToArray());
    }

    private static CelValue Substring(StringValue s, long start, long? end)
    {
        var cps = CodePoints.ToArray(s.Value);
        var e = end ?? cps.Length;
        if (start < 0 || start > cps.Length || e < 0 || e > cps.Length)
        {
            return new ErrorValue($"index out of range: {(start < 0 || start > cps.Length ? start : e)}");
        }

        if (start > e)
        {
            return new ErrorValue($"invalid substring range. start: {start}, end: {e}");
        }

        return StringValue.Of(CodePoints.FromArray(cps.AsSpan((int)start, (int)(e - start))));
    }

    private static string Trim(string s)
    {
        var cps = CodePoints.ToArray(s);
        var a = 0;
        var b = cps.Length;
        while (a < b && IsSpace(cps[a]))
        {
            a++;
        }

        while (b > a && IsSpace(cps[b - 1]))
        {
            b--;
        }

        return CodePoints.FromArray(cps.AsSpan(a, b - a));
    }

    private static bool IsSpace(int cp) =>
        cp is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0x85 or 0xA0 or 0x1680 or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000
        || cp is >= 0x2000 and <= 0x200A;

    private static CelValue Join(ListValue l, string sep)
    {
        var parts = new List<string>(l.Count);
        foreach (var v in l.Items())
        {
            if (v is not StringValue sv)
            {
                return ErrorValue.NoSuchOverload("join");
            }

            parts.Add(sv.Value);
        }

        return StringValue.Of(string.Join(sep, parts));
    }

    internal static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            switch (ch)
            {
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                default:
                    if (char.IsHighSurrogate(ch) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(ch).Append(s[++i]);
                    }
                    else if (char.IsSurrogate(ch))
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
