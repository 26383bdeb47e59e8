using System.Text;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// <c>/openapi/v2</c>: a Swagger 2.0 document. As JSON it carries the definitions of every served kind (built-ins
/// and CRDs, converted from the OpenAPI v3 documents by <see cref="OpenApiDocuments.V2Definitions"/>) with their
/// <c>x-kubernetes-group-version-kind</c>. As the protobuf (gnostic <c>openapi_v2.Document</c>) kubectl asks for,
/// it carries none: kubectl reads v2 only for the client-side validation it falls back to where OpenAPI v3 cannot
/// answer (a <c>kind: List</c> file), which then passes every item through to the server's own validation.
/// </summary>
internal static class OpenApiV2Document
{
    /// <summary>What kubectl puts in Accept.</summary>
    public const string ProtobufAccept = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    /// <summary>What the API server answers with ('@' is not valid in a Content-Type, so the version is dotted).</summary>
    public const string ProtobufContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    private const string Title = "Kubernetes";

    /// <summary>The document as JSON.</summary>
    public static JsonObject Json(string version, JsonObject definitions) => new()
    {
        ["swagger"] = "2.0",
        ["info"] = new JsonObject { ["title"] = Title, ["version"] = version },
        ["paths"] = new JsonObject(),
        ["definitions"] = definitions,
    };

    /// <summary>The document as protobuf: field 1 <c>swagger</c>, field 2 <c>info</c> { 1 <c>title</c>, 2 <c>version</c> }.</summary>
    public static byte[] Protobuf(string version)
    {
        var info = Concat(LengthDelimited(1, Encoding.UTF8.GetBytes(Title)), LengthDelimited(2, Encoding.UTF8.GetBytes(version)));
        return Concat(LengthDelimited(1, "2.0"u8.ToArray()), LengthDelimited(2, info));
    }

    private static byte[] LengthDelimited(int field, byte[] payload)
    {
        var result = new List<byte> { (byte)((field << 3) | 2) };
        var length = (uint)payload.Length;
        while (length >= 0x80)
        {
            result.Add((byte)(length | 0x80));
            length >>= 7;
        }

        result.Add((byte)length);
        result.AddRange(payload);
        return [.. result];
    }

    private static byte[] Concat(byte[] a, byte[] b) => [.. a, .. b];
}
