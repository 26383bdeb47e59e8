using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OciOperator.Runtime.Health;

namespace OciOperator.Hosting;

/// <summary>
/// Where the Sandbox's operator serves metrics and probes: loopback only (a host-less <c>:8080</c> becomes
/// <c>127.0.0.1:8080</c>); a busy default port gives way to a free one, a busy port the user chose is an error.
/// </summary>
internal static class SandboxPorts
{
    /// <summary>The address to use, or null with <paramref name="error"/> set; <paramref name="note"/> says when a default moved.</summary>
    public static string? Resolve(string flag, string address, bool explicitlyGiven, out string? note, out string? error)
    {
        note = null;
        error = null;
        if (!BindAddress.TryParse(address, out var parsed) || parsed is not { } bind)
        {
            return address; // "0": disabled.
        }

        var host = address.StartsWith(':') ? "127.0.0.1" : bind.Host;
        var loopback = $"{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{bind.Port.ToString(CultureInfo.InvariantCulture)}";
        if (bind.Port == 0 || IsFree(host, bind.Port))
        {
            return loopback;
        }

        if (explicitlyGiven)
        {
            error = $"error: {flag} {address}: port {bind.Port} on {host} is already in use. Choose another port, or {host}:0 for a free one.";
            return null;
        }

        var free = FreePort(host);
        note = $"Port {bind.Port} ({flag}) is in use; using {host}:{free} instead.";
        return $"{host}:{free.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Whether an explicitly chosen Sandbox port (API server, OCI emulator) can be bound on loopback.</summary>
    public static string? CheckExplicit(string flag, int port) =>
        port == 0 || IsFree("127.0.0.1", port)
            ? null
            : $"error: {flag} {port.ToString(CultureInfo.InvariantCulture)}: the port is already in use on 127.0.0.1. Choose another port, or 0 for a free one.";

    private static bool IsFree(string host, int port)
    {
        try
        {
            using var listener = new TcpListener(Address(host), port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort(string host)
    {
        using var listener = new TcpListener(Address(host), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static IPAddress Address(string host) =>
        IPAddress.TryParse(host, out var ip) ? ip
        : string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.Any;
}
