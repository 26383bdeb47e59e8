using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>
/// The size of a JSON node as compact UTF-8 JSON, estimated without serialising it: strings count their UTF-16 length
/// (exact for ASCII, which is what Kubernetes objects mostly hold), numbers their digits, plus quotes and punctuation.
/// </summary>
internal static class JsonSize
{
    public static long Of(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return 4;
            case JsonObject obj:
                long objectSize = 2;
                foreach (var (key, value) in obj)
                {
                    objectSize += key.Length + 4 + Of(value);
                }

                return objectSize;
            case JsonArray array:
                long arraySize = 2;
                foreach (var item in array)
                {
                    arraySize += Of(item) + 1;
                }

                return arraySize;
            default:
                var value2 = (JsonValue)node;
                return value2.GetValueKind() switch
                {
                    JsonValueKind.String => value2.GetValue<string>().Length + 2,
                    JsonValueKind.True => 4,
                    JsonValueKind.False => 5,
                    JsonValueKind.Null => 4,
                    _ => value2.ToJsonString().Length,
                };
        }
    }
}
