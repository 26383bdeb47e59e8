using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Protobuf;
using OciOperator.Sandbox.Kube.Serialization;

using OciOperator.Sandbox.Kube.Errors;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Reads request bodies: at most 3 MiB (else 413), JSON or YAML by Content-Type, malformed → 400.</summary>
internal static class RequestBody
{
    // Duplicate keys are refused at parse time (JsonObject would otherwise throw later, on first access, as a 500).
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256, AllowDuplicateProperties = false };

    /// <summary>The media type without parameters, lower-cased ("" when absent).</summary>
    public static string MediaType(HttpRequest request)
    {
        var contentType = request.ContentType ?? "";
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        var bytes = await ReadBytesAsync(request, ct).ConfigureAwait(false);
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw ApiErrors.BadRequest("the request body is not valid UTF-8");
        }
    }

    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ApiErrors.MaxBodyBytes)
        {
            throw ApiErrors.TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            if (buffer.Length + read > ApiErrors.MaxBodyBytes)
            {
                throw ApiErrors.TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses a JSON body, or a YAML one when the media type says YAML (or <paramref name="yaml"/>).</summary>
    public static JsonNode? Parse(string text, bool yaml)
    {
        if (yaml)
        {
            try
            {
                return YamlToJson.Parse(text);
            }
            catch (FormatException e)
            {
                throw ApiErrors.BadRequest(e.Message);
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, null, DocumentOptions);
        }
        catch (JsonException e) when (DuplicateProperty(e) is { } name)
        {
            throw ApiErrors.BadRequest($"the request body is not valid JSON: duplicate field \"{name}\"");
        }
        catch (JsonException e)
        {
            throw ApiErrors.BadRequest("the request body is not valid JSON: " + e.Message.Split('.')[0]);
        }

        if (FirstUnrepresentableNumber(node) is { } number)
        {
            // As Go's decoder: a number no float64 can hold is refused, not stored as text nobody can read back.
            throw ApiErrors.BadRequest($"the request body is not valid JSON: cannot unmarshal number {number} into Go value of type float64");
        }

        return node;
    }

    private static string? FirstUnrepresentableNumber(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    if (FirstUnrepresentableNumber(value) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (FirstUnrepresentableNumber(item) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return value.TryGetValue<double>(out var d) && double.IsFinite(d) ? null : value.ToJsonString();
            default:
                return null;
        }
    }

    /// <summary>Reads and parses an object body for create/update: JSON or YAML; anything else → 415.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, string kindForMessages, CancellationToken ct)
    {
        var media = MediaType(request);
        if (media == "application/vnd.kubernetes.protobuf")
        {
            return ReadProtobuf(await ReadBytesAsync(request, ct).ConfigureAwait(false), media);
        }

        var yaml = media is "application/yaml" or "application/x-yaml" or "text/yaml";
        // As the apiserver: a body must say what it is; no Content-Type is 415, not "JSON by default".
        if (!yaml && media is not ("application/json" or "*/*"))
        {
            throw ApiErrors.UnsupportedMediaType(media);
        }

        var node = Parse(await ReadTextAsync(request, ct).ConfigureAwait(false), yaml);
        return node as JsonObject
            ?? throw ApiErrors.BadRequest($"the body of the request must be a {kindForMessages} object");
    }

    /// <summary>The property a duplicate-property <see cref="JsonException"/> names, or null for other JSON errors.</summary>
    private static string? DuplicateProperty(JsonException e)
    {
        const string marker = "Duplicate property '";
        var at = e.Message.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var start = at + marker.Length;
        var end = e.Message.IndexOf('\'', start);
        return end < 0 ? "" : e.Message[start..end];
    }

    private static JsonObject ReadProtobuf(byte[] body, string media)
    {
        try
        {
            return ProtobufDecoder.Decode(body) ?? throw ApiErrors.UnsupportedMediaType(media);
        }
        catch (FormatException e)
        {
            throw ApiErrors.BadRequest("the protobuf body could not be decoded: " + e.Message);
        }
    }
}
