using System.Text.Json.Nodes;
using OciOperator.Commands;
using OciOperator.Tests.Support;
using OciOperator.Yaml;

namespace OciOperator.Tests.Packaging;

/// <summary>The install paths under test: config/ overlays, their deploy/ files, the bundle, and how to refresh them.</summary>
internal static class PackagingFiles
{
    /// <summary>With this set to 1 the drift tests first rewrite deploy/ and bundle/ from config/.</summary>
    public const string UpdateVariable = "OCI_OPERATOR_UPDATE_MANIFESTS";

    /// <summary>The CRD drift tests' variable: a CRD change refreshes deploy/ and bundle/ too.</summary>
    public const string CrdUpdateVariable = "OCI_OPERATOR_UPDATE_CRDS";

    public const string RegenerateHint =
        "Regenerate with: " + UpdateVariable + "=1 dotnet test tests/OciOperator.Tests --filter \"FullyQualifiedName~Packaging\"";

    public const string OperatorNamespace = "oci-operator-system";

    public const string ServiceAccount = "oci-operator-controller-manager";

    public static string Config => Path.Combine(RepositoryPaths.Root, "config");

    public static string BundleDirectory => Path.Combine(RepositoryPaths.Root, "bundle");

    /// <summary>Each overlay with its rendered file under deploy/.</summary>
    public static IReadOnlyList<(string Overlay, string DeployFile)> Overlays { get; } =
    [
        ("default", "oci-operator.yaml"),
        ("dbsystem-only", "oci-operator-dbsystem-only.yaml"),
    ];

    public static bool UpdateRequested =>
        Environment.GetEnvironmentVariable(UpdateVariable) == "1" || Environment.GetEnvironmentVariable(CrdUpdateVariable) == "1";

    public static string DeployPath(string file) => Path.Combine(RepositoryPaths.Root, "deploy", file);

    /// <summary>The committed form of deploy/FILE: a header naming its overlay, then kustomize's output.</summary>
    public static string DeployText(string overlay, string file, string rendered) =>
        $"# Rendered from config/{overlay} with: kubectl kustomize config/{overlay} > deploy/{file}\n"
        + "# DO NOT EDIT: change config/ and regenerate (" + UpdateVariable + "=1, see tests/OciOperator.Tests/Packaging).\n"
        + rendered;

    /// <summary><c>kubectl kustomize config/OVERLAY</c>.</summary>
    public static async Task<string> RenderAsync(string overlay)
    {
        var rendered = await ProcessRunner.RunAsync("kubectl", ["kustomize", Path.Combine(Config, overlay)], TimeSpan.FromSeconds(60));
        Assert.That(rendered.ExitCode, Is.EqualTo(0), rendered.StandardError);
        return rendered.StandardOutput;
    }

    /// <summary>The rendered overlay's objects.</summary>
    public static async Task<List<JsonObject>> RenderObjectsAsync(string overlay) =>
        [.. YamlDocuments.Parse(await RenderAsync(overlay)).OfType<JsonObject>()];

    public static List<JsonObject> ParseFile(string path) => [.. YamlDocuments.Parse(File.ReadAllText(path)).OfType<JsonObject>()];

    public static string? Kind(JsonObject o) => o["kind"]?.GetValue<string>();

    public static string? Name(JsonObject o) => o["metadata"]?["name"]?.GetValue<string>();

    public static JsonObject Single(IEnumerable<JsonObject> objects, string kind, string? name = null) =>
        objects.Single(o => Kind(o) == kind && (name is null || Name(o) == name));

    /// <summary>A string value as it is; any other value as its JSON text (so a number where a string belongs fails a comparison, not the test).</summary>
    public static string Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";
}
