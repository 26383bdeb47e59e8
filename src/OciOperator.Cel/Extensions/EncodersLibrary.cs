using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>base64.encode / base64.decode (cel-go ext/encoders.go).</summary>
internal static class EncodersLibrary
{
    public static void Register(FunctionRegistry r)
    {
        r.Unary<BytesValue>("base64.encode", "base64_encode_bytes", CelType.String, CelType.Bytes, b => StringValue.Of(Convert.ToBase64String(b.Value.Span)));
        r.Unary<StringValue>("base64.decode", "base64_decode_string", CelType.Bytes, CelType.String, s => Decode(s.Value));
    }

    private static CelValue Decode(string s)
    {
        var padded = s.Length % 4 == 0 ? s : s + new string('=', 4 - (s.Length % 4));
        try
        {
            return new BytesValue(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            return new ErrorValue("base64.decode: illegal base64 data");
        }
    }
}
