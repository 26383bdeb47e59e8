using System.Globalization;
using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>Scalar marker values: booleans (Go <c>strconv.ParseBool</c>), counts and numbers.</summary>
internal static partial class MarkerApplier
{
    private static bool ParseBool(Marker marker) =>
        GoBool.TryParse(marker.Value, out var value)
            ? value
            : throw new SimpleSchemaException($"{marker.Key} marker value must be a boolean, got: {marker.Value}");

    private static long ParseCount(Marker marker) =>
        long.TryParse(marker.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SimpleSchemaException($"{marker.Key} marker value must be a non-negative integer, got: {marker.Value}");

    private static double ParseDouble(Marker marker) =>
        TryParseDouble(marker.Value, out var value)
            ? value
            : throw new SimpleSchemaException($"{marker.Key} marker value must be a valid number, got: {marker.Value}");

    private static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A number as Go's JSON encoder writes a float64: integral values without a fraction.</summary>
    private static JsonValue Number(double value) =>
        Math.Floor(value) == value && Math.Abs(value) < 9e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);
}
