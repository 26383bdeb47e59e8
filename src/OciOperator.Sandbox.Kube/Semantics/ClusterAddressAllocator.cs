using System.Globalization;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>Hands out Service cluster IPs (10.96.0.0/12) and node ports (30000–32767). Callers hold the store lock.</summary>
internal sealed class ClusterAddressAllocator
{
    private readonly HashSet<string> _ips = new(StringComparer.Ordinal) { "10.96.0.1" };
    private readonly HashSet<long> _ports = [];
    private long _nextIp = 10;
    private long _nextPort = 30000;
    private string? _lastIp;
    private long _lastPort;

    public string NextClusterIp()
    {
        while (true)
        {
            var n = _nextIp++;
            var ip = string.Create(CultureInfo.InvariantCulture, $"10.{96 + ((n >> 16) & 0x0f)}.{(n >> 8) & 0xff}.{n & 0xff}");
            if (n % 256 != 0 && _ips.Add(ip))
            {
                _lastIp = ip;
                return ip;
            }
        }
    }

    public void Reserve(string ip) => _ips.Add(ip);

    public long NextNodePort()
    {
        for (var i = 0; i < 2768; i++)
        {
            var port = _nextPort++;
            if (_nextPort > 32767)
            {
                _nextPort = 30000;
            }

            if (_ports.Add(port))
            {
                _lastPort = port;
                return port;
            }
        }

        return 0;
    }

    public void Release(string? ip, IEnumerable<long> ports)
    {
        if (ip is not null && _ips.Remove(ip) && ip == _lastIp)
        {
            // The newest address came back at once (a dry run, a refused create): the next caller gets it again.
            _nextIp--;
            _lastIp = null;
        }

        foreach (var p in ports)
        {
            if (_ports.Remove(p) && p == _lastPort && _nextPort == p + 1)
            {
                _nextPort = p;
                _lastPort = 0;
            }
        }
    }
}
