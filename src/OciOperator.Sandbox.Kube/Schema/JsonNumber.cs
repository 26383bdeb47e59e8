using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Reads JSON numbers whatever backs the <see cref="JsonValue"/> (parsed element or CLR value).</summary>
internal static class JsonNumber
{
    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static double ToDouble(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.GetDouble();
        }

        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The value as an int64 when its text is an integer literal (no fraction or exponent).</summary>
    public static bool TryGetInt64(JsonValue value, out long result)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetInt64(out result);
        }

        return long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>True when the number has no fractional part (<c>1.0</c> counts, as in kube-openapi).</summary>
    public static bool IsIntegral(JsonValue value)
    {
        if (TryGetInt64(value, out _))
        {
            return true;
        }

        var d = ToDouble(value);
        return !double.IsInfinity(d) && Math.Floor(d) == d && Math.Abs(d) < 9.2e18;
    }
}
