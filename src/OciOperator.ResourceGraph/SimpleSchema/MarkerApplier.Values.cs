using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>Scalar marker values: booleans (Go <c>strconv.ParseBool</c>), counts and numbers.</summary>
internal static partial class MarkerApplier
{
    /// <summary>A boolean marker (<c>required</c>, <c>immutable</c>, <c>uniqueItems</c>), failing as kro does.</summary>
    private static bool ParseBool(Marker marker) =>
        GoStrconv.TryParseBool(marker.Value, out var value, out var error)
            ? value
            : throw new SimpleSchemaException($"failed to parse {marker.Key} marker value: {error}");

    /// <summary>A length or item count; kro parses any integer, we also refuse negatives (the API server would).</summary>
    private static long ParseCount(Marker marker)
    {
        if (!GoStrconv.TryParseInt(marker.Value, out var value, out var error))
        {
            throw new SimpleSchemaException($"failed to parse {marker.Key} value: {error}");
        }

        return value >= 0
            ? value
            : throw new SimpleSchemaException($"failed to parse {marker.Key} value: must not be negative, got: {marker.Value}");
    }

    /// <summary><c>minimum</c> / <c>maximum</c>; the message keeps kro's wording ("enum value").</summary>
    private static double ParseBound(Marker marker) =>
        GoStrconv.TryParseFloat(marker.Value, out var value, out var error)
            ? value
            : throw new SimpleSchemaException($"failed to parse {marker.Key} enum value: {error}");

    /// <summary>A number as Go's JSON encoder writes a float64: integral values without a fraction.</summary>
    private static JsonValue Number(double value) =>
        Math.Floor(value) == value && Math.Abs(value) < 9e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);
}
