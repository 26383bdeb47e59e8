using System.Text.RegularExpressions;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// Checks a <c>pattern</c> marker. kro compiles it with Go's RE2 <c>regexp</c>, and so does the Kubernetes API server
/// when it validates instances, so on top of compiling it with .NET we reject the constructs .NET accepts but RE2
/// does not: lookahead/lookbehind, atomic groups, backreferences, possessive quantifiers and conditionals.
/// </summary>
internal static class PatternValidator
{
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromSeconds(1);

    public static void Validate(string pattern)
    {
        var unsupported = FindUnsupportedConstruct(pattern);
        if (unsupported is not null)
        {
            throw new SimpleSchemaException($"invalid pattern regex: {unsupported} is not supported by RE2: {GoStrconv.Quote(pattern)}");
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, CompileTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new SimpleSchemaException($"invalid pattern regex: {ex.Message}");
        }
    }

    private static string? FindUnsupportedConstruct(string pattern)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (!inClass && (next is >= '1' and <= '9' || next == 'k'))
                {
                    return "a backreference";
                }

                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    i++;
                }

                continue;
            }

            var rest = pattern.AsSpan(i);
            if (rest.StartsWith("(?=") || rest.StartsWith("(?!") || rest.StartsWith("(?<=") || rest.StartsWith("(?<!"))
            {
                return "a lookaround assertion";
            }

            if (rest.StartsWith("(?>"))
            {
                return "an atomic group";
            }

            if (rest.StartsWith("(?("))
            {
                return "a conditional";
            }

            if (c is '*' or '+' or '?' or '}' && i + 1 < pattern.Length && pattern[i + 1] == '+' && i > 0)
            {
                return "a possessive quantifier";
            }
        }

        return null;
    }
}
