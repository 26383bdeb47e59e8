using System.Net;
using System.Net.Sockets;

namespace OciOperator.Tests.Support;

/// <summary>A loopback TCP port that was free a moment ago (for flags that take an address, not port 0).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
