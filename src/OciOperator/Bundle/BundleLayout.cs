namespace OciOperator.Bundle;

/// <summary>
/// The OLM package and the registry+v1 layout of <c>bundle/</c>: the annotation keys (which <c>bundle.Dockerfile</c>
/// repeats as labels) and the file names operator-sdk gives bundle manifests.
/// </summary>
internal static class BundleLayout
{
    /// <summary>The OLM package. Not OSOK's <c>oci-service-operator-mysql</c>: this CSV cannot replace OSOK's.</summary>
    public const string PackageName = "oci-operator";

    public const string Channel = "alpha";

    public const string ManifestsDirectory = "manifests";

    public const string MetadataDirectory = "metadata";

    public const string ScorecardDirectory = "tests/scorecard";

    public const string DockerfileName = "bundle.Dockerfile";

    /// <summary>The annotations of <c>metadata/annotations.yaml</c>, in the order written (and the Dockerfile's labels).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Annotations { get; } =
    [
        new("operators.operatorframework.io.bundle.mediatype.v1", "registry+v1"),
        new("operators.operatorframework.io.bundle.manifests.v1", ManifestsDirectory + "/"),
        new("operators.operatorframework.io.bundle.metadata.v1", MetadataDirectory + "/"),
        new("operators.operatorframework.io.bundle.package.v1", PackageName),
        new("operators.operatorframework.io.bundle.channels.v1", Channel),
        new("operators.operatorframework.io.bundle.channel.default.v1", Channel),
        new("operators.operatorframework.io.test.mediatype.v1", "scorecard+v1"),
        new("operators.operatorframework.io.test.config.v1", ScorecardDirectory + "/"),
    ];

    /// <summary>The CSV's name for a version: <c>&lt;package&gt;.v&lt;semver&gt;</c>.</summary>
    public static string CsvName(string version) => $"{PackageName}.v{version}";

    /// <summary>operator-sdk's name for an extra manifest: <c>&lt;name&gt;_&lt;group&gt;_&lt;version&gt;_&lt;kind&gt;.yaml</c>.</summary>
    public static string ManifestFileName(string name, string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        return $"{name}_{group}_{version}_{kind.ToLowerInvariant()}.yaml";
    }
}
