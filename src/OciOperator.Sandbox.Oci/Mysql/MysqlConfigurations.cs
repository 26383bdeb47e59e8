using System.Security.Cryptography;
using System.Text;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>One MySQL configuration: its OCID, display name and the one shape it fits.</summary>
public sealed record MysqlConfiguration(string Id, string DisplayName, string ShapeName, bool IsDefault);

/// <summary>
/// The configurations the emulated region knows: OCI's published defaults — one <c>&lt;shape&gt;.Standalone</c> per
/// shape and a <c>&lt;shape&gt;.HA</c> per shape that can run highly available (every shape but MySQL.Free), with
/// OCIDs that are stable across runs — plus the seed data: the example OCIDs of the walkthrough and of
/// <c>config/samples</c>, so those files work verbatim. A configuration fits exactly one shape, as in OCI.
/// </summary>
internal static class MysqlConfigurations
{
    /// <summary>The walkthrough's (and OSOK samples') example configuration: a custom one for MySQL.Free.</summary>
    public const string SeedExampleId = "ocid1.mysqlconfiguration.oc1..exampleuniqueID";

    private static readonly Lazy<IReadOnlyDictionary<string, MysqlConfiguration>> ById = new(Build);

    /// <summary>Every known configuration by OCID.</summary>
    public static IReadOnlyDictionary<string, MysqlConfiguration> All => ById.Value;

    /// <summary>The configuration with OCID <paramref name="id"/>, or null.</summary>
    public static MysqlConfiguration? Find(string id) => All.GetValueOrDefault(id);

    /// <summary>The default configuration OCI picks for <paramref name="shapeName"/> when a create names none.</summary>
    public static MysqlConfiguration? DefaultFor(string shapeName, bool highlyAvailable) =>
        All.Values.FirstOrDefault(c => c.IsDefault && c.ShapeName == shapeName && c.DisplayName.EndsWith(highlyAvailable ? ".HA" : ".Standalone", StringComparison.Ordinal));

    /// <summary>A stable OCID for a default configuration: <c>ocid1.mysqlconfiguration.oc1..aaaaaaaa</c> + 52 base-32 characters of its name's hash.</summary>
    internal static string DefaultId(string displayName)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("mysqlconfiguration/" + displayName));
        var text = new StringBuilder("ocid1.mysqlconfiguration.oc1..aaaaaaaa");
        for (var i = 0; i < 52; i++)
        {
            text.Append(alphabet[hash[i % hash.Length] >> (i % 3) & 31]);
        }

        return text.ToString();
    }

    private static Dictionary<string, MysqlConfiguration> Build()
    {
        var all = new Dictionary<string, MysqlConfiguration>(StringComparer.Ordinal);
        foreach (var shape in MysqlCatalog.Shapes.Order(StringComparer.Ordinal))
        {
            Add(all, new MysqlConfiguration(DefaultId(shape + ".Standalone"), shape + ".Standalone", shape, IsDefault: true));
            if (shape != "MySQL.Free")
            {
                Add(all, new MysqlConfiguration(DefaultId(shape + ".HA"), shape + ".HA", shape, IsDefault: true));
            }
        }

        Add(all, new MysqlConfiguration(SeedExampleId, "osok-kro-demo-configuration", "MySQL.Free", IsDefault: false));
        return all;
    }

    private static void Add(Dictionary<string, MysqlConfiguration> all, MysqlConfiguration configuration) => all[configuration.Id] = configuration;
}
