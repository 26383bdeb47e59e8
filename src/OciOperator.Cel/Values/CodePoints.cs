namespace OciOperator.Cel.Values;

/// <summary>Code point helpers for CEL strings (which index by Unicode code point).</summary>
internal static class CodePoints
{
    /// <summary>Reads the code point at <paramref name="i"/> and advances past it; lone surrogates read as themselves.</summary>
    public static int ConvertToUtf32Safe(this string s, ref int i)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            var cp = char.ConvertToUtf32(s[i], s[i + 1]);
            i += 2;
            return cp;
        }

        return s[i++];
    }

    public static int[] ToArray(string s)
    {
        var list = new List<int>(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            list.Add(s.ConvertToUtf32Safe(ref i));
        }

        return [.. list];
    }

    public static string FromArray(ReadOnlySpan<int> cps)
    {
        var sb = new System.Text.StringBuilder(cps.Length);
        foreach (var cp in cps)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                sb.Append((char)cp);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
        }

        return sb.ToString();
    }
}
