using System.Globalization;

namespace OciOperator.Runtime.Health;

/// <summary>A parsed controller-runtime bind address (<c>:8080</c>, <c>127.0.0.1:0</c>, or <c>0</c> = disabled).</summary>
public readonly record struct BindAddress(string Host, int Port)
{
    /// <summary>Null when the address is <c>0</c> (disabled).</summary>
    public static bool TryParse(string? text, out BindAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text == "0")
        {
            return true;
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }

        var host = text[..colon];
        address = new BindAddress(host.Length == 0 ? "0.0.0.0" : host.Trim('[', ']'), port);
        return true;
    }

    /// <summary>The Kestrel URL to listen on.</summary>
    public string ToUrl() => Host.Contains(':', StringComparison.Ordinal)
        ? $"http://[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}"
        : $"http://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
