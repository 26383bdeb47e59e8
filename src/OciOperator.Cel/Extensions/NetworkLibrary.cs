using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>IP and CIDR functions (cel-go network extension, as in the Kubernetes IP/CIDR libraries).</summary>
internal static class NetworkLibrary
{
    public static void Register(FunctionRegistry r)
    {
        var ip = IpValue.IpType;
        var cidr = CidrValue.CidrType;
        var s = CelType.String;
        var b = CelType.Bool;
        r.RegisterType("net.IP", ip);
        r.RegisterType("net.CIDR", cidr);
        r.Unary<StringValue>("ip", "string_to_ip", ip, s, x => IpValue.Parse(x.Value, "IP Address", out var e) is { } a ? new IpValue(a) : new ErrorValue(e!));
        r.Unary<StringValue>("isIP", "is_ip_string", b, s, x => BoolValue.Of(IpValue.Parse(x.Value, "IP Address", out _) is not null));
        r.Unary<StringValue>("ip.isCanonical", "ip_is_canonical_string", b, s, x =>
            IpValue.Parse(x.Value, "IP Address", out var e) is { } a ? BoolValue.Of(a.ToString() == x.Value) : new ErrorValue(e!));
        r.Unary<IpValue>("string", "ip_to_string", s, ip, x => StringValue.Of(x.Address.ToString()));
        r.MemberUnary<IpValue>("family", "ip_family", CelType.Int, ip, x => IntValue.Of(x.Family));
        r.MemberUnary<IpValue>("isUnspecified", "ip_is_unspecified", b, ip, x => BoolValue.Of(x.IsUnspecified));
        r.MemberUnary<IpValue>("isLoopback", "ip_is_loopback", b, ip, x => BoolValue.Of(x.IsLoopback));
        r.MemberUnary<IpValue>("isGlobalUnicast", "ip_is_global_unicast", b, ip, x => BoolValue.Of(x.IsGlobalUnicast));
        r.MemberUnary<IpValue>("isLinkLocalMulticast", "ip_is_link_local_multicast", b, ip, x => BoolValue.Of(x.IsLinkLocalMulticast));
        r.MemberUnary<IpValue>("isLinkLocalUnicast", "ip_is_link_local_unicast", b, ip, x => BoolValue.Of(x.IsLinkLocalUnicast));

        r.Unary<StringValue>("cidr", "string_to_cidr", cidr, s, x => (CelValue?)CidrValue.Parse(x.Value, out var e) ?? new ErrorValue(e!));
        r.Unary<StringValue>("isCIDR", "is_cidr_string", b, s, x => BoolValue.Of(CidrValue.Parse(x.Value, out _) is not null));
        r.Unary<CidrValue>("string", "cidr_to_string", s, cidr, x => StringValue.Of(x.ToString()));
        r.MemberBinary<CidrValue, IpValue>("containsIP", "cidr_contains_ip_ip", b, cidr, ip, (c, x) => BoolValue.Of(c.Contains(x.Address)));
        r.MemberBinary<CidrValue, StringValue>("containsIP", "cidr_contains_ip_string", b, cidr, s, (c, x) =>
            IpValue.Parse(x.Value, "IP Address", out var e) is { } a ? BoolValue.Of(c.Contains(a)) : new ErrorValue(e!));
        r.MemberBinary<CidrValue, CidrValue>("containsCIDR", "cidr_contains_cidr", b, cidr, cidr, (c, x) => BoolValue.Of(c.Contains(x)));
        r.MemberBinary<CidrValue, StringValue>("containsCIDR", "cidr_contains_cidr_string", b, cidr, s, (c, x) =>
            CidrValue.Parse(x.Value, out var e) is { } other ? BoolValue.Of(c.Contains(other)) : new ErrorValue(e!));
        r.MemberUnary<CidrValue>("ip", "cidr_ip", ip, cidr, c => new IpValue(c.Address));
        r.MemberUnary<CidrValue>("masked", "cidr_masked", cidr, cidr, c => c.Masked());
        r.MemberUnary<CidrValue>("prefixLength", "cidr_prefix_length", CelType.Int, cidr, c => IntValue.Of(c.PrefixLength));
    }
}
