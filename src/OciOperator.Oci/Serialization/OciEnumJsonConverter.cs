using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciOperator.Oci.Serialization;

/// <summary>Reads and writes a string-backed enum as its raw string.</summary>
public sealed class OciEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IOciEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.FromValue(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
