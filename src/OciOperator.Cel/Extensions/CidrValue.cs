using System.Net;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>An IP prefix (CIDR) value; keeps the address as written (see <see cref="Masked"/>).</summary>
internal sealed class CidrValue : CelValue
{
    public static readonly CelType CidrType = CelType.Opaque("net.CIDR");

    public CidrValue(IPAddress address, int prefixLength)
    {
        Address = address;
        PrefixLength = prefixLength;
    }

    public IPAddress Address { get; }

    public int PrefixLength { get; }

    public override CelType Type => CidrType;

    public static CidrValue? Parse(string text, out string? error)
    {
        var slash = text.LastIndexOf('/');
        if (slash < 0 || !int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
        {
            error = $"network address parse error during conversion from string: '{text}'";
            return null;
        }

        var ip = IpValue.Parse(text[..slash], "CIDR", out error);
        if (ip is null)
        {
            return null;
        }

        var max = ip.GetAddressBytes().Length * 8;
        if (prefix > max)
        {
            error = $"network address parse error during conversion from string: prefix length {prefix} out of range";
            return null;
        }

        return new CidrValue(ip, prefix);
    }

    public CidrValue Masked() => new(Mask(Address, PrefixLength), PrefixLength);

    public bool Contains(IPAddress ip)
    {
        var a = Address.GetAddressBytes();
        var b = ip.GetAddressBytes();
        return a.Length == b.Length && Mask(Address, PrefixLength).Equals(Mask(ip, PrefixLength));
    }

    public bool Contains(CidrValue other) => other.PrefixLength >= PrefixLength && Contains(other.Address);

    public override string ToString() => $"{Address}/{PrefixLength}";

    public override bool Equals(object? obj) => obj is CidrValue o && o.Address.Equals(Address) && o.PrefixLength == PrefixLength;

    public override int GetHashCode() => HashCode.Combine(Address, PrefixLength);

    public override object? ToObject() => ToString();

    private static IPAddress Mask(IPAddress ip, int prefix)
    {
        var bytes = ip.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }
}
