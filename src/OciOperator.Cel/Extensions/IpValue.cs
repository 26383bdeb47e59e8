using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>An IP address value (cel-go network extension / Kubernetes IP library), with Go netip parsing rules.</summary>
internal sealed partial class IpValue : CelValue
{
    public static readonly CelType IpType = CelType.Opaque("net.IP");

    public IpValue(IPAddress address) => Address = address;

    public IPAddress Address { get; }

    public override CelType Type => IpType;

    public int Family => Address.AddressFamily == AddressFamily.InterNetwork ? 4 : 6;

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    /// <summary>Parses an address; returns the error message on failure.</summary>
    public static IPAddress? Parse(string text, string what, out string? error)
    {
        error = null;
        if (text.Contains('%', StringComparison.Ordinal))
        {
            error = $"{what} with zone value is not allowed";
            return null;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('.', StringComparison.Ordinal))
            {
                error = "IPv4-mapped IPv6 address is not allowed";
                return null;
            }

            if (IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
            {
                return v6;
            }
        }
        else if (Ipv4().IsMatch(text) && IPAddress.TryParse(text, out var v4))
        {
            return v4;
        }

        error = $"IP Address '{text}' parse error during conversion from string";
        return null;
    }

    public static IPAddress Normalize(IPAddress a) => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;

    public override bool Equals(object? obj) => obj is IpValue o && Normalize(o.Address).Equals(Normalize(Address));

    public override int GetHashCode() => Normalize(Address).GetHashCode();

    public override object? ToObject() => Address.ToString();

    public bool IsLoopback => IPAddress.IsLoopback(Address);

    public bool IsUnspecified => Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any);

    public bool IsLinkLocalUnicast => Family == 4 ? Bytes[0] == 169 && Bytes[1] == 254 : Address.IsIPv6LinkLocal;

    public bool IsLinkLocalMulticast => Family == 4 ? Bytes[0] == 224 && Bytes[1] == 0 && Bytes[2] == 0 : Bytes[0] == 0xff && (Bytes[1] & 0x0f) == 0x02;

    public bool IsMulticast => Family == 4 ? Bytes[0] >= 224 && Bytes[0] <= 239 : Bytes[0] == 0xff;

    public bool IsGlobalUnicast =>
        !IsUnspecified && !IsLoopback && !IsMulticast && !IsLinkLocalUnicast && !(Family == 4 && Address.Equals(IPAddress.Broadcast));

    private byte[] Bytes => Address.GetAddressBytes();
}
