using System.Text;
using System.Text.Json.Nodes;
using OciOperator.Yaml;

namespace OciOperator.Bundle;

/// <summary>
/// <c>metadata/annotations.yaml</c> and <c>bundle.Dockerfile</c>, whose labels are the same annotations (OLM reads
/// the labels of the bundle image and the file inside it; they must agree).
/// </summary>
internal static class BundleMetadata
{
    public static string AnnotationsYaml()
    {
        var annotations = new JsonObject();
        foreach (var (key, value) in BundleLayout.Annotations)
        {
            annotations[key] = value;
        }

        return BundleGenerator.Header + YamlWriter.Write(new JsonObject { ["annotations"] = annotations });
    }

    public static string Dockerfile(string version)
    {
        var text = new StringBuilder()
            .Append(BundleGenerator.Header)
            .Append("# The bundle image; build it from the repository root with:\n")
            .Append($"#   docker build -f bundle/{BundleLayout.DockerfileName} -t <registry>/{BundleLayout.PackageName}-bundle:v{version} bundle\n")
            .Append("FROM scratch\n\n")
            .Append("# The labels equal metadata/annotations.yaml.\n");
        foreach (var (key, value) in BundleLayout.Annotations)
        {
            text.Append($"LABEL {key}={value}\n");
        }

        return text
            .Append('\n')
            .Append($"COPY {BundleLayout.ManifestsDirectory} /{BundleLayout.ManifestsDirectory}/\n")
            .Append($"COPY {BundleLayout.MetadataDirectory} /{BundleLayout.MetadataDirectory}/\n")
            .Append($"COPY {BundleLayout.ScorecardDirectory} /{BundleLayout.ScorecardDirectory}/\n")
            .ToString();
    }
}
