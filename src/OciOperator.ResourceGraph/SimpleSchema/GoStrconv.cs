using System.Globalization;
using System.Text.RegularExpressions;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// Go's <c>strconv</c> parsing as kro uses it for marker values, with the same error texts
/// (<c>strconv.ParseBool: parsing "x": invalid syntax</c>), so kro's messages can be reproduced.
/// </summary>
internal static partial class GoStrconv
{
    /// <summary><c>strconv.ParseBool</c>: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.</summary>
    public static bool TryParseBool(string text, out bool value, out string error)
    {
        error = string.Empty;
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                error = Syntax("ParseBool", text);
                return false;
        }
    }

    /// <summary><c>strconv.ParseInt(text, 10, 64)</c>.</summary>
    public static bool TryParseInt(string text, out long value, out string error)
    {
        error = string.Empty;
        if (!IntegerPattern().IsMatch(text))
        {
            value = 0;
            error = Syntax("ParseInt", text);
            return false;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = $"strconv.ParseInt: parsing {Quote(text)}: value out of range";
            return false;
        }

        return true;
    }

    /// <summary><c>strconv.ParseFloat(text, 64)</c> for finite decimal numbers.</summary>
    public static bool TryParseFloat(string text, out double value, out string error)
    {
        error = string.Empty;
        if (FloatPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value))
        {
            return true;
        }

        value = 0;
        error = Syntax("ParseFloat", text);
        return false;
    }

    /// <summary>Go's <c>%q</c> for the common case: the text in double quotes with <c>"</c> and <c>\</c> escaped.</summary>
    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Syntax(string function, string text) => $"strconv.{function}: parsing {Quote(text)}: invalid syntax";

    [GeneratedRegex("^[+-]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
