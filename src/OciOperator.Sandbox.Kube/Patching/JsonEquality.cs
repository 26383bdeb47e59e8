using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// Structural JSON equality as RFC 6902 "test" defines it: numbers compare by value (1 == 1.0), strings ordinally,
/// objects ignore member order, arrays compare element by element.
/// </summary>
internal static class JsonEquality
{
    public static bool Equal(JsonNode? left, JsonNode? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (JsonObject l, JsonObject r):
                if (l.Count != r.Count)
                {
                    return false;
                }

                foreach (var (name, value) in l)
                {
                    if (!r.TryGetPropertyValue(name, out var other) || !Equal(value, other))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonArray l, JsonArray r):
                if (l.Count != r.Count)
                {
                    return false;
                }

                for (var i = 0; i < l.Count; i++)
                {
                    if (!Equal(l[i], r[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonValue l, JsonValue r):
                return ValuesEqual(l, r);
            default:
                return false;
        }
    }

    private static bool ValuesEqual(JsonValue left, JsonValue right)
    {
        var leftKind = left.GetValueKind();
        var rightKind = right.GetValueKind();
        if (leftKind != rightKind)
        {
            return false;
        }

        return leftKind switch
        {
            JsonValueKind.String => string.Equals(StringOf(left), StringOf(right), StringComparison.Ordinal),
            JsonValueKind.Number => NumbersEqual(left, right),
            _ => true, // true, false, null: the kind is the value
        };
    }

    /// <summary>The string a JSON string value holds, also for values backed by other CLR types (DateTime, Guid...).</summary>
    private static string StringOf(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? string.Empty;

    private static bool NumbersEqual(JsonValue left, JsonValue right)
    {
        var l = left.ToJsonString();
        var r = right.ToJsonString();
        if (string.Equals(l, r, StringComparison.Ordinal))
        {
            return true;
        }

        if (decimal.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var ld)
            && decimal.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var rd))
        {
            return ld == rd;
        }

        return double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var lf)
            && double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var rf)
            && lf.Equals(rf);
    }
}
