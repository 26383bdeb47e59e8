using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.ResourceGraph.Tests.Support;

/// <summary>Builds RGD documents for tests from the parts that matter to a case (a test-data builder, kro's generator).</summary>
internal static class RgdText
{
    public const string DefaultSchema = """
        apiVersion: v1alpha1
        kind: TestApp
        spec:
          name: string | default="app"
          replicas: integer | default=1
          enabled: boolean | default=true
          tags: "[]string"
          labels: "map[string]string"
        """;

    /// <summary>An RGD named <c>test-rgd</c> with the given <c>spec.resources</c> YAML and schema YAML (both block text).</summary>
    public static JsonObject Rgd(string resources, string? schema = null)
    {
        var yaml = "apiVersion: kro.run/v1alpha1\nkind: ResourceGraphDefinition\nmetadata:\n  name: test-rgd\n  uid: 0000-1111\nspec:\n  schema:\n"
            + Indent(schema ?? DefaultSchema, 4) + "\n  resources:\n" + Indent(resources, 4) + "\n";
        return YamlToJson.Parse(yaml)!.AsObject();
    }

    /// <summary>A Widget resource entry with the given spec fields (YAML lines at spec level) and extras at entry level.</summary>
    public static string Widget(string id, string spec = "name: ${schema.spec.name}", string extra = "", string name = "${schema.metadata.name + \"-" + "w\"}") =>
        $"""
        - id: "{id}"
        {Indent(extra, 2)}
          template:
            apiVersion: test.kro.dev/v1
            kind: Widget
            metadata:
              name: '{name.Replace("'", "''", StringComparison.Ordinal)}'
            spec:
        {Indent(spec, 6)}
        """;

    public static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join("\n", text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => pad + l));
    }
}
