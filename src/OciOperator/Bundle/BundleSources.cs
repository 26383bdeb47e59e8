using System.Text.Json.Nodes;
using OciOperator.Yaml;

namespace OciOperator.Bundle;

/// <summary>
/// What the bundle is made of, all from <c>config/</c>: the hand-written CSV base and icon
/// (<c>manifests/bases/</c>), the rendered install (<c>kustomize config/default</c>), the rendered samples
/// (<c>kustomize config/samples</c>), the CRD files as committed (<c>crd/bases/</c>, copied byte for byte) and the
/// scorecard configuration (<c>scorecard/config.yaml</c>).
/// </summary>
internal sealed record BundleSources(
    JsonObject CsvBase,
    string IconSvg,
    IReadOnlyList<JsonObject> Install,
    IReadOnlyList<JsonObject> Samples,
    IReadOnlyList<CrdFile> CrdFiles,
    string ScorecardConfig)
{
    public const string CsvBasePath = "manifests/bases/" + BundleLayout.PackageName + ".clusterserviceversion.yaml";

    public const string IconPath = "manifests/bases/icon.svg";

    public const string InstallOverlay = "default";

    public const string SamplesDirectory = "samples";

    public const string CrdDirectory = "crd/bases";

    public const string ScorecardPath = "scorecard/config.yaml";

    /// <summary>Reads every source under <paramref name="configDirectory"/>, rendering the two kustomizations.</summary>
    /// <exception cref="BundleSourceException">A file is missing or malformed, or kustomize fails.</exception>
    public static async Task<BundleSources> LoadAsync(string configDirectory, Kustomize kustomize, CancellationToken ct)
    {
        var csvDocuments = Parse(await ReadAsync(configDirectory, CsvBasePath, ct).ConfigureAwait(false), CsvBasePath);
        if (csvDocuments is not [var csvBase])
        {
            throw new BundleSourceException($"{CsvBasePath} must hold exactly one ClusterServiceVersion");
        }

        var icon = await ReadAsync(configDirectory, IconPath, ct).ConfigureAwait(false);
        var install = Parse(await kustomize.BuildAsync(Path.Combine(configDirectory, InstallOverlay), ct).ConfigureAwait(false), "config/" + InstallOverlay);
        var samples = Parse(await kustomize.BuildAsync(Path.Combine(configDirectory, SamplesDirectory), ct).ConfigureAwait(false), "config/" + SamplesDirectory);
        var crds = new List<CrdFile>();
        var crdDirectory = Path.Combine(configDirectory, CrdDirectory);
        if (!Directory.Exists(crdDirectory))
        {
            throw new BundleSourceException($"config/{CrdDirectory} does not exist");
        }

        foreach (var path in Directory.EnumerateFiles(crdDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
            var name = Path.GetFileName(path);
            if (Parse(text, $"config/{CrdDirectory}/{name}") is [var crd])
            {
                crds.Add(new CrdFile(name, text, crd));
            }
        }

        var scorecard = await ReadAsync(configDirectory, ScorecardPath, ct).ConfigureAwait(false);
        return new BundleSources(csvBase, icon, install, samples, crds, scorecard);
    }

    private static async Task<string> ReadAsync(string configDirectory, string relative, CancellationToken ct)
    {
        var path = Path.Combine(configDirectory, relative);
        if (!File.Exists(path))
        {
            throw new BundleSourceException($"config/{relative} does not exist");
        }

        return await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
    }

    private static List<JsonObject> Parse(string text, string source)
    {
        try
        {
            return [.. YamlDocuments.Parse(text).Select(d => d as JsonObject ?? throw new BundleSourceException($"{source}: a document is not a mapping"))];
        }
        catch (FormatException ex)
        {
            throw new BundleSourceException($"{source}: {ex.Message}", ex);
        }
    }
}
