using k8s;
using k8s.Models;

namespace OciOperator.Mysql.Crd;

/// <summary>Renders a generated CRD as the YAML file committed under <c>config/crd/bases</c>.</summary>
public static class CustomResourceDefinitionYaml
{
    /// <summary>The first line of every generated file.</summary>
    public const string Header = "# Generated from the C# API types by OciOperator.Mysql.Crd.CustomResourceDefinitionGenerator. DO NOT EDIT.";

    /// <summary>The file name controller-gen uses: <c>&lt;group&gt;_&lt;plural&gt;.yaml</c>.</summary>
    public static string FileName(V1CustomResourceDefinition crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        return $"{crd.Spec.Group}_{crd.Spec.Names.Plural}.yaml";
    }

    /// <summary>The file's text: the header line, then the CRD as one YAML document (LF line ends).</summary>
    public static string Render(V1CustomResourceDefinition crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        var yaml = KubernetesYaml.Serialize(crd).ReplaceLineEndings("\n");
        return Header + "\n---\n" + yaml.TrimEnd('\n') + "\n";
    }
}
