using k8s;
using k8s.Models;

namespace OciOperator.Schemas.Crd;

/// <summary>Renders a generated CRD as the YAML file committed under <c>config/crd/bases</c>.</summary>
public static class CustomResourceDefinitionYaml
{
    /// <summary>The first line of a generated file unless the caller gives its own.</summary>
    public const string DefaultHeader = "# Generated from the C# API types by OciOperator.Schemas.Crd.CustomResourceDefinitionGenerator. DO NOT EDIT.";

    /// <summary>The file name controller-gen uses: <c>&lt;group&gt;_&lt;plural&gt;.yaml</c>.</summary>
    public static string FileName(V1CustomResourceDefinition crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        return $"{crd.Spec.Group}_{crd.Spec.Names.Plural}.yaml";
    }

    /// <summary>
    /// The file's text: <paramref name="header"/> (a YAML comment line, <see cref="DefaultHeader"/> if omitted), then the
    /// CRD as one YAML document (LF line ends).
    /// </summary>
    public static string Render(V1CustomResourceDefinition crd, string header = DefaultHeader)
    {
        ArgumentNullException.ThrowIfNull(crd);
        ArgumentNullException.ThrowIfNull(header);
        if (!header.StartsWith('#') || header.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("The header must be one YAML comment line.", nameof(header));
        }

        var yaml = KubernetesYaml.Serialize(crd).ReplaceLineEndings("\n");
        return header + "\n---\n" + yaml.TrimEnd('\n') + "\n";
    }
}
