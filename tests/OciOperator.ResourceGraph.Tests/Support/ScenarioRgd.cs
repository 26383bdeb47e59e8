namespace OciOperator.ResourceGraph.Tests.Support;

/// <summary>RGD and instance YAML for the Sandbox scenarios (kro's integration suite, A.3.2/A.3.3), built from the parts that matter to a case.</summary>
internal static class ScenarioRgd
{
    /// <summary>An RGD of kind <paramref name="kind"/> (group kro.run, version v1alpha1) with the given schema and resources (YAML blocks).</summary>
    public static string Of(string name, string kind, string spec, string resources, string status = "", string scope = "")
    {
        var text = $"apiVersion: kro.run/v1alpha1\nkind: ResourceGraphDefinition\nmetadata:\n  name: {name}\nspec:\n  schema:\n    apiVersion: v1alpha1\n    kind: {kind}\n";
        if (scope.Length > 0)
        {
            text += $"    scope: {scope}\n";
        }

        text += "    spec:\n" + RgdText.Indent(spec.Length == 0 ? "{}" : spec, 6) + "\n";
        if (status.Length > 0)
        {
            text += "    status:\n" + RgdText.Indent(status, 6) + "\n";
        }

        return text + "  resources:\n" + RgdText.Indent(resources, 4) + "\n";
    }

    /// <summary>A Widget resource entry: <c>id</c>, its name expression, spec lines and entry-level extras (readyWhen, includeWhen, forEach).</summary>
    public static string Widget(string id, string name, string spec = "name: x", string extra = "", string metadata = "")
    {
        var text = $"- id: {id}\n";
        if (extra.Length > 0)
        {
            text += RgdText.Indent(extra, 2) + "\n";
        }

        text += $"  template:\n    apiVersion: test.kro.dev/v1\n    kind: Widget\n    metadata:\n      name: '{name.Replace("'", "''", StringComparison.Ordinal)}'\n";
        if (metadata.Length > 0)
        {
            text += RgdText.Indent(metadata, 6) + "\n";
        }

        return text + "    spec:\n" + RgdText.Indent(spec, 6);
    }

    /// <summary>An instance of <paramref name="kind"/> in <paramref name="namespace"/> (cluster-scoped when null) with the given spec (flow YAML).</summary>
    public static string Instance(string kind, string name, string spec = "{}", string? @namespace = "default", string labels = "{}") =>
        $"apiVersion: kro.run/v1alpha1\nkind: {kind}\nmetadata: {{name: {name}{(@namespace is null ? string.Empty : ", namespace: " + @namespace)}, labels: {labels}}}\nspec: {spec}";
}
