namespace OciOperator.Sandbox.Oci.Identity;

/// <summary>The short codes the metadata service answers for older regions (e.g. <c>iad</c>); newer ones answer their id.</summary>
internal static class RegionCodes
{
    private static readonly IReadOnlyDictionary<string, string> ShortCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us-ashburn-1"] = "iad",
        ["us-phoenix-1"] = "phx",
        ["eu-frankfurt-1"] = "fra",
        ["uk-london-1"] = "lhr",
        ["ca-toronto-1"] = "yyz",
    };

    public static string MetadataRegion(string region) => ShortCodes.GetValueOrDefault(region, region);

    public static string RegionKey(string region) => Mysql.MysqlCatalog.RegionKey(region);
}
