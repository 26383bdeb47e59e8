using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OciOperator.Runtime.Client;

/// <summary>Reads and writes <see cref="UnstructuredObject"/> as its plain JSON body.</summary>
internal sealed class UnstructuredObjectJsonConverter : JsonConverter<UnstructuredObject>
{
    public override UnstructuredObject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        return node is JsonObject obj
            ? new UnstructuredObject(obj)
            : throw new JsonException("an object body was expected");
    }

    public override void Write(Utf8JsonWriter writer, UnstructuredObject value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.ToJsonObject().WriteTo(writer, options);
    }
}
