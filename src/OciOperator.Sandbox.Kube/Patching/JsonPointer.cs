using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>An RFC 6901 JSON pointer, parsed into unescaped reference tokens (<c>~1</c> → <c>/</c>, <c>~0</c> → <c>~</c>).</summary>
internal sealed record JsonPointer(string Text, ImmutableArray<string> Tokens)
{
    public bool IsRoot => Tokens.IsEmpty;

    /// <summary>Parses <paramref name="text"/>; a malformed pointer is a 422 like the apiserver's JSON patch errors.</summary>
    public static JsonPointer Parse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer(text, []);
        }

        if (text[0] != '/')
        {
            throw PatchException.Unprocessable($"invalid JSON pointer \"{text}\": must be empty or start with '/'");
        }

        var tokens = ImmutableArray.CreateBuilder<string>();
        foreach (var raw in text[1..].Split('/'))
        {
            tokens.Add(Unescape(raw, text));
        }

        return new JsonPointer(text, tokens.ToImmutable());
    }

    /// <summary>True when this pointer names a proper descendant of <paramref name="other"/>.</summary>
    public bool IsProperDescendantOf(JsonPointer other) =>
        Tokens.Length > other.Tokens.Length && Tokens.Take(other.Tokens.Length).SequenceEqual(other.Tokens);

    /// <summary>Parses an array index token: decimal digits without leading zeros; -1 when it is not one.</summary>
    public static int ParseIndex(string token)
    {
        if (token.Length == 0 || token.Length > 9 || (token.Length > 1 && token[0] == '0') || !token.All(char.IsAsciiDigit))
        {
            return -1;
        }

        return int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string Unescape(string raw, string text)
    {
        if (!raw.Contains('~', StringComparison.Ordinal))
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '~')
            {
                builder.Append(raw[i]);
                continue;
            }

            var next = i + 1 < raw.Length ? raw[i + 1] : '\0';
            builder.Append(next switch
            {
                '0' => '~',
                '1' => '/',
                _ => throw PatchException.Unprocessable($"invalid JSON pointer \"{text}\": '~' must be followed by '0' or '1'"),
            });
            i++;
        }

        return builder.ToString();
    }
}
