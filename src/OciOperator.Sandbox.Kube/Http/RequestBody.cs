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
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

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

        try
        {
            return JsonNode.Parse(text, null, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw ApiErrors.BadRequest("the request body is not valid JSON: " + e.Message.Split('.')[0]);
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
        if (!yaml && media is not ("" or "application/json" or "*/*"))
        {
            throw ApiErrors.UnsupportedMediaType(media);
        }

        var node = Parse(await ReadTextAsync(request, ct).ConfigureAwait(false), yaml);
        return node as JsonObject
            ?? throw ApiErrors.BadRequest($"the body of the request must be a {kindForMessages} object");
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
