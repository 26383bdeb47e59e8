namespace OciOperator.ResourceGraph.Tests.Definitions;

/// <summary>Small RGDs and instances as YAML for the controller tests: one ConfigMap per instance, its data from the spec.</summary>
internal static class RgdYaml
{
    public const string ConfigMapResource = """
        - id: config
          template:
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: ${schema.metadata.name + "-cm"}
              namespace: ${schema.metadata.namespace}
            data:
              value: ${schema.spec.value}
        """;

    public static string Rgd(string name, string kind, string spec = "value: string | default=\"v\"", string schemaExtra = "", string? resources = null, string annotations = "") =>
        $"""
        apiVersion: kro.run/v1alpha1
        kind: ResourceGraphDefinition
        metadata:
          name: {name}
        {(annotations.Length == 0 ? string.Empty : "  annotations:\n" + Support.RgdText.Indent(annotations, 4))}
        spec:
          schema:
            apiVersion: v1alpha1
            kind: {kind}
            spec:
        {Support.RgdText.Indent(spec, 6)}
        {Support.RgdText.Indent(schemaExtra, 4)}
          resources:
        {Support.RgdText.Indent(resources ?? ConfigMapResource, 4)}
        """;

    public static string Instance(string kind, string name, string value, string @namespace = "default") =>
        $"""
        apiVersion: kro.run/v1alpha1
        kind: {kind}
        metadata:
          name: {name}
          namespace: {@namespace}
        spec:
          value: "{value}"
        """;
}
