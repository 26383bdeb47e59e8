using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Protobuf;

/// <summary>
/// Decodes the Kubernetes protobuf envelope (<c>k8s\0</c> + <c>runtime.Unknown</c>) of the kinds in
/// <see cref="KubeProtoTypes"/> into JSON, dropping zero values as Go's JSON <c>omitempty</c> would.
/// Anything malformed or unknown throws <see cref="FormatException"/> / returns null (the server answers 400 / 415).
/// </summary>
internal static class ProtobufDecoder
{
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    /// <summary>Decodes a body; null when its kind has no descriptor here.</summary>
    public static JsonObject? Decode(ReadOnlySpan<byte> body)
    {
        if (body.Length < 4 || !body[..4].SequenceEqual(Magic))
        {
            throw new FormatException("missing the protobuf envelope magic number");
        }

        string apiVersion = "", kind = "";
        ReadOnlySpan<byte> raw = default;
        var reader = new ProtoReader(body[4..].ToArray());
        while (reader.Next(out var number, out var wire))
        {
            switch (number)
            {
                case 1 when wire == 2:
                    var typeMeta = new ProtoReader(reader.Bytes());
                    while (typeMeta.Next(out var n, out var w))
                    {
                        if (w != 2)
                        {
                            typeMeta.Skip(w);
                            continue;
                        }

                        var text = Encoding.UTF8.GetString(typeMeta.Bytes());
                        if (n == 1)
                        {
                            apiVersion = text;
                        }
                        else if (n == 2)
                        {
                            kind = text;
                        }
                    }

                    break;
                case 2 when wire == 2:
                    raw = reader.Bytes();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        var descriptor = KubeProtoTypes.For(apiVersion, kind);
        if (descriptor is null)
        {
            return null;
        }

        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (key, value) in DecodeMessage(raw.ToArray(), descriptor, 0).ToList())
        {
            obj[key] = value?.DeepClone();
        }

        return obj;
    }

    private static JsonObject DecodeMessage(byte[] data, ProtoMessage message, int depth)
    {
        if (depth > 16)
        {
            throw new FormatException("protobuf nesting too deep");
        }

        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (reader.Next(out var number, out var wire))
        {
            if (!message.Fields.TryGetValue(number, out var field))
            {
                reader.Skip(wire);
                continue;
            }

            var value = DecodeField(reader, wire, field, depth);
            if (field.Type is ProtoFieldType.StringMap or ProtoFieldType.BytesMap)
            {
                var map = obj[field.Name] as JsonObject ?? [];
                obj[field.Name] = map;
                var entry = (JsonObject)value!;
                map[entry["k"]?.GetValue<string>() ?? ""] = entry["v"]?.DeepClone() ?? "";
            }
            else if (field.Repeated)
            {
                var list = obj[field.Name] as JsonArray ?? [];
                obj[field.Name] = list;
                list.Add(value);
            }
            else if (value is not null)
            {
                obj[field.Name] = value;
            }
        }

        return obj;
    }

    private static JsonNode? DecodeField(ProtoReader reader, int wire, ProtoField field, int depth)
    {
        switch (field.Type)
        {
            case ProtoFieldType.String:
                var s = Encoding.UTF8.GetString(Expect(reader, wire, 2));
                return s.Length == 0 && !field.Repeated ? null : JsonValue.Create(s);
            case ProtoFieldType.Bytes:
                return JsonValue.Create(Convert.ToBase64String(Expect(reader, wire, 2)));
            case ProtoFieldType.Int64:
                var n = (long)ExpectVarint(reader, wire);
                return n == 0 ? null : JsonValue.Create(n);
            case ProtoFieldType.Bool:
                return ExpectVarint(reader, wire) != 0 ? JsonValue.Create(true) : null;
            case ProtoFieldType.Message:
                return DecodeMessage(Expect(reader, wire, 2), field.Message!, depth + 1);
            case ProtoFieldType.Time:
                var time = new ProtoReader(Expect(reader, wire, 2));
                long seconds = 0;
                while (time.Next(out var tn, out var tw))
                {
                    if (tn == 1 && tw == 0)
                    {
                        seconds = (long)time.Varint();
                    }
                    else
                    {
                        time.Skip(tw);
                    }
                }

                return seconds == 0 ? null : JsonValue.Create(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
                    .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            case ProtoFieldType.IntOrString:
                var ios = new ProtoReader(Expect(reader, wire, 2));
                long kind = 0, intValue = 0;
                var strValue = "";
                while (ios.Next(out var inum, out var iwire))
                {
                    switch (inum)
                    {
                        case 1 when iwire == 0:
                            kind = (long)ios.Varint();
                            break;
                        case 2 when iwire == 0:
                            intValue = (int)ios.Varint();
                            break;
                        case 3 when iwire == 2:
                            strValue = Encoding.UTF8.GetString(ios.Bytes());
                            break;
                        default:
                            ios.Skip(iwire);
                            break;
                    }
                }

                return kind == 1 ? JsonValue.Create(strValue) : JsonValue.Create(intValue);
            default:
                var entry = new ProtoReader(Expect(reader, wire, 2));
                var result = new JsonObject();
                while (entry.Next(out var en, out var ew))
                {
                    var bytes = Expect(entry, ew, 2);
                    result[en == 1 ? "k" : "v"] = en == 2 && field.Type == ProtoFieldType.BytesMap
                        ? Convert.ToBase64String(bytes)
                        : Encoding.UTF8.GetString(bytes);
                }

                return result;
        }
    }

    private static byte[] Expect(ProtoReader reader, int wire, int expected) =>
        wire == expected ? reader.Bytes() : throw new FormatException("unexpected protobuf wire type");

    private static ulong ExpectVarint(ProtoReader reader, int wire) =>
        wire == 0 ? reader.Varint() : throw new FormatException("unexpected protobuf wire type");
}
