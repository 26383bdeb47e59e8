namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>What the emulated region offers: shapes, MySQL versions, storage bounds and names.</summary>
internal static class MysqlCatalog
{
    public const int MinStorageGBs = 50;
    public const int MaxStorageGBs = 131072;
    public const int DefaultStorageGBs = 50;

    public static readonly IReadOnlySet<string> Shapes = new HashSet<string>(StringComparer.Ordinal)
    {
        "MySQL.Free", "MySQL.2", "MySQL.4", "MySQL.8", "MySQL.16", "MySQL.32", "MySQL.48", "MySQL.64", "MySQL.128", "MySQL.256",
        "MySQL.HeatWave.VM.Standard", "MySQL.HeatWave.BM.Standard",
        "MySQL.VM.Standard.E3.1.8GB", "MySQL.VM.Standard.E3.1.16GB", "MySQL.VM.Standard.E3.2.32GB",
        "MySQL.VM.Standard.E3.4.64GB", "MySQL.VM.Standard.E3.8.128GB", "MySQL.VM.Standard.E3.16.256GB",
        "MySQL.VM.Standard.E3.24.384GB", "MySQL.VM.Standard.E3.32.512GB", "MySQL.VM.Standard.E3.48.768GB",
        "MySQL.VM.Standard.E3.64.1024GB", "MySQL.VM.Standard.E4.1.8GB", "MySQL.VM.Standard.E4.1.16GB",
        "MySQL.VM.Standard.E4.2.32GB", "MySQL.VM.Standard.E4.4.64GB", "MySQL.VM.Standard.E4.8.128GB",
        "MySQL.VM.Standard.E4.16.256GB", "MySQL.VM.Standard.E4.32.512GB", "MySQL.VM.Standard.E4.64.1024GB",
        "MySQL.VM.Standard2.1.15GB", "MySQL.VM.Standard2.2.30GB", "MySQL.VM.Standard2.4.60GB",
        "MySQL.VM.Standard2.8.120GB", "MySQL.VM.Standard2.16.240GB", "MySQL.VM.Standard2.24.320GB",
        "MySQL.HeatWave.VM.Standard.E3", "MySQL.HeatWave.BM.Standard.E3",
    };

    /// <summary>Available versions, oldest first within each track.</summary>
    public static readonly IReadOnlyList<string> Versions = ["8.0.40", "8.0.41", "8.0.42", "8.4.3", "8.4.4", "8.4.5", "9.2.0", "9.3.0"];

    public const string DefaultVersion = "8.4.5";

    public static readonly IReadOnlySet<string> LifecycleStates = new HashSet<string>(StringComparer.Ordinal)
    {
        "CREATING", "ACTIVE", "INACTIVE", "UPDATING", "DELETING", "DELETED", "FAILED",
    };

    public static readonly IReadOnlySet<string> ReservedUsernames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "root", "mysql.sys", "mysql.session", "mysql.infoschema", "administrator", "ociadmin", "ocirpl", "ocidbm", "ocibackup",
    };

    /// <summary>Resolves a requested version: an exact known version, or a track ("8.0", "8.4") meaning its newest.</summary>
    public static string? ResolveVersion(string requested)
    {
        if (Versions.Contains(requested))
        {
            return requested;
        }

        return Versions.LastOrDefault(v => v.StartsWith(requested + ".", StringComparison.Ordinal));
    }

    /// <summary>True when <paramref name="version"/> is the newest of its major.minor track.</summary>
    public static bool IsUpToDate(string version)
    {
        var lastDot = version.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return false;
        }

        var track = version[..lastDot];
        return Versions.LastOrDefault(v => v.StartsWith(track + ".", StringComparison.Ordinal)) == version;
    }

    /// <summary>
    /// The region part of availability domain names, as OCI writes them: <c>US-ASHBURN</c> and <c>PHX</c> for the two
    /// oldest regions, the upper-cased region id (<c>EU-FRANKFURT-1</c>) for the others.
    /// </summary>
    public static string AvailabilityDomainRegion(string region) => region switch
    {
        "us-ashburn-1" => "US-ASHBURN",
        "us-phoenix-1" => "PHX",
        _ => region.ToUpperInvariant(),
    };

    /// <summary>The three-letter region key used in OCIDs (e.g. IAD, PHX).</summary>
    public static string RegionKey(string region) => region switch
    {
        "us-ashburn-1" => "IAD",
        "us-phoenix-1" => "PHX",
        "us-sanjose-1" => "SJC",
        "us-chicago-1" => "ORD",
        "eu-frankfurt-1" => "FRA",
        "uk-london-1" => "LHR",
        "ap-tokyo-1" => "NRT",
        "ca-toronto-1" => "YYZ",
        _ => string.Concat(region.Split('-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]))),
    };
}
