using System.Net;
using System.Net.Sockets;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>
/// Unique addresses from a CIDR, one per owner key, lowest free first (IPv4 skips the network and broadcast
/// addresses when the prefix is shorter than /31). Not thread-safe: one simulator loop owns it.
/// </summary>
internal sealed class LoadBalancerAddressPool
{
    private readonly UInt128 _first;
    private readonly UInt128 _last;
    private readonly bool _v6;
    private readonly Dictionary<string, UInt128> _byOwner = new(StringComparer.Ordinal);
    private readonly Dictionary<UInt128, string> _byAddress = [];

    public LoadBalancerAddressPool(string cidr)
    {
        if (!IPNetwork.TryParse(cidr, out var network))
        {
            throw new ArgumentException($"load-balancer address pool \"{cidr}\" is not a CIDR such as 203.0.113.0/24", nameof(cidr));
        }

        _v6 = network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;
        var width = _v6 ? 128 : 32;
        var hostBits = width - network.PrefixLength;
        var size = hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        _first = ToNumber(network.BaseAddress);
        _last = _first + size;
        if (!_v6 && hostBits >= 2)
        {
            _first++;
            _last--;
        }
    }

    public int Allocated => _byOwner.Count;

    /// <summary>The owner's address, allocating one (the requested one when free and in range) if it has none.</summary>
    public string? Allocate(string owner, string? requested = null)
    {
        if (_byOwner.TryGetValue(owner, out var existing))
        {
            return ToText(existing);
        }

        if (requested is not null && TryParseInRange(requested, out var wanted) && !_byAddress.ContainsKey(wanted))
        {
            return Take(owner, wanted);
        }

        for (var candidate = _first; candidate <= _last; candidate++)
        {
            if (!_byAddress.ContainsKey(candidate))
            {
                return Take(owner, candidate);
            }

            if (candidate == UInt128.MaxValue)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Records an address an owner already holds (seen in status after a relist); false if another owner has it.</summary>
    public bool Reserve(string owner, string address)
    {
        if (!IPAddress.TryParse(address, out var ip) || (ip.AddressFamily == AddressFamily.InterNetworkV6) != _v6)
        {
            return false;
        }

        var number = ToNumber(ip);
        if (_byAddress.TryGetValue(number, out var holder))
        {
            return holder == owner;
        }

        Release(owner);
        _byOwner[owner] = number;
        _byAddress[number] = owner;
        return true;
    }

    public string? AddressOf(string owner) => _byOwner.TryGetValue(owner, out var n) ? ToText(n) : null;

    public bool Release(string owner)
    {
        if (!_byOwner.Remove(owner, out var number))
        {
            return false;
        }

        _byAddress.Remove(number);
        return true;
    }

    private string Take(string owner, UInt128 number)
    {
        _byOwner[owner] = number;
        _byAddress[number] = owner;
        return ToText(number);
    }

    private bool TryParseInRange(string text, out UInt128 number)
    {
        number = default;
        if (!IPAddress.TryParse(text, out var ip) || (ip.AddressFamily == AddressFamily.InterNetworkV6) != _v6)
        {
            return false;
        }

        number = ToNumber(ip);
        return number >= _first && number <= _last;
    }

    private static UInt128 ToNumber(IPAddress address)
    {
        UInt128 n = 0;
        foreach (var b in address.GetAddressBytes())
        {
            n = (n << 8) | b;
        }

        return n;
    }

    private string ToText(UInt128 number)
    {
        var bytes = new byte[_v6 ? 16 : 4];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(number & 0xFF);
            number >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }
}
