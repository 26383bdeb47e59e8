namespace OciOperator.Oci.Auth;

/// <summary>One resolved profile of an OCI config file (DEFAULT values already merged in).</summary>
public sealed class OciConfigProfile(string name, string source, IReadOnlyDictionary<string, string> values)
{
    /// <summary>Profile name.</summary>
    public string Name => name;

    /// <summary>The config file path.</summary>
    public string Source => source;

    /// <summary>A value or null.</summary>
    public string? Get(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    /// <summary>A value, or an error naming the missing key.</summary>
    public string Require(string key) =>
        Get(key) ?? throw new OciConfigurationException($"Config file {source} profile [{name}] is missing '{key}'.");

    /// <summary>The key file passphrase (<c>pass_phrase</c>, or Go's <c>passphrase</c>).</summary>
    public string? Passphrase => Get("pass_phrase") ?? Get("passphrase");
}
