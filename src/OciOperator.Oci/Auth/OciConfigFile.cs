namespace OciOperator.Oci.Auth;

/// <summary>
/// An OCI SDK config file (oci.md §3): INI-like, <c>[PROFILE]</c> sections, <c>key=value</c> split at the first
/// <c>=</c>, <c>#</c> comments; a named profile falls back to <c>[DEFAULT]</c>.
/// </summary>
public sealed class OciConfigFile
{
    /// <summary>The default profile name.</summary>
    public const string DefaultProfile = "DEFAULT";

    private readonly Dictionary<string, Dictionary<string, string>> _profiles;

    private OciConfigFile(string source, Dictionary<string, Dictionary<string, string>> profiles)
    {
        Source = source;
        _profiles = profiles;
    }

    /// <summary>Where the file came from (path), for messages.</summary>
    public string Source { get; }

    /// <summary>The profile names in the file.</summary>
    public IEnumerable<string> ProfileNames => _profiles.Keys;

    /// <summary>Parses config text. Malformed lines are reported with their line number (never their value).</summary>
    public static OciConfigFile Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var profiles = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                if (!line.EndsWith(']') || line.Length < 3)
                {
                    throw new OciConfigurationException($"Config file {source} line {lineNumber}: malformed profile header (expected '[NAME]').");
                }

                var name = line[1..^1].Trim();
                if (!profiles.TryGetValue(name, out current))
                {
                    current = new Dictionary<string, string>(StringComparer.Ordinal);
                    profiles[name] = current;
                }

                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new OciConfigurationException($"Config file {source} line {lineNumber}: expected 'key=value'.");
            }

            if (current is null)
            {
                throw new OciConfigurationException($"Config file {source} line {lineNumber}: a key appears before any [PROFILE] header.");
            }

            current[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }

        return new OciConfigFile(source, profiles);
    }

    /// <summary>Reads and parses a config file; <c>~</c> is expanded.</summary>
    public static OciConfigFile Load(string path)
    {
        var full = PathExpansion.ExpandHome(path);
        try
        {
            return Parse(File.ReadAllText(full), full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OciConfigurationException($"The OCI config file '{full}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The named profile (with DEFAULT fallback for missing keys).</summary>
    public OciConfigProfile GetProfile(string? name)
    {
        var profileName = string.IsNullOrWhiteSpace(name) ? DefaultProfile : name;
        _profiles.TryGetValue(DefaultProfile, out var defaults);
        if (!_profiles.TryGetValue(profileName, out var values))
        {
            if (profileName != DefaultProfile || defaults is null)
            {
                throw new OciConfigurationException(
                    $"Config file {Source} has no profile [{profileName}] (profiles: {string.Join(", ", _profiles.Keys)}).");
            }

            values = defaults;
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        if (defaults is not null)
        {
            foreach (var (k, v) in defaults)
            {
                merged[k] = v;
            }
        }

        foreach (var (k, v) in values)
        {
            merged[k] = v;
        }

        return new OciConfigProfile(profileName, Source, merged);
    }
}
