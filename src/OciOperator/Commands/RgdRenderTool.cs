using System.Text.Json.Nodes;
using System.Text.Json;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Rendering;
using OciOperator.Yaml;

namespace OciOperator.Commands;

/// <summary>
/// What <c>oci-operator rgd render</c> does: compile the RGD, then print the instance CRD and the objects the instance
/// would produce. Fields that need a cluster value keep their <c>${...}</c> text and are listed as comments (YAML) or
/// on standard error (JSON).
/// </summary>
internal static class RgdRenderTool
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Exit code: 0 when rendered (pending cluster values allowed), 1 when the RGD or instance is invalid, 2 for unusable input.</summary>
    public static int Run(string rgdFile, string instanceFile, string format, IReadOnlyList<string> crdFiles, TextWriter output, TextWriter error)
    {
        if (format is not ("yaml" or "json"))
        {
            error.WriteLine($"error: -o must be yaml or json, got {format}");
            return 2;
        }

        var (resolver, crds) = RgdSchemaSources.Create();
        var problems = crdFiles.SelectMany(f => RgdSchemaSources.AddCrdFile(crds, f)).ToList();
        JsonNode? rgd = null;
        JsonObject? instance = null;
        try
        {
            foreach (var document in YamlDocuments.Parse(File.ReadAllText(rgdFile)))
            {
                if (RgdSchemaSources.IsCrd(document))
                {
                    _ = crds.Add(document.AsObject());
                }
                else
                {
                    rgd ??= document;
                }
            }

            instance = YamlDocuments.Parse(File.ReadAllText(instanceFile)).FirstOrDefault() as JsonObject;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            problems.Add(e.Message);
        }

        if (rgd is null || instance is null || problems.Count > 0)
        {
            foreach (var problem in problems.DefaultIfEmpty(rgd is null ? $"{rgdFile}: no ResourceGraphDefinition" : $"{instanceFile}: no instance object"))
            {
                error.WriteLine($"error: {problem}");
            }

            return 2;
        }

        var built = new GraphBuilder(resolver).Build(rgd);
        if (built.Outcome != GraphBuildOutcome.Compiled)
        {
            error.WriteLine($"error: {rgdFile} does not compile:");
            foreach (var line in built.Message.Split('\n'))
            {
                error.WriteLine($"  {line}");
            }

            return 1;
        }

        var graph = built.Graph!;
        var result = InstanceRenderer.Render(graph, instance);
        if (result.InstanceErrors.Count > 0)
        {
            error.WriteLine($"error: {instanceFile} is not a valid {graph.Schema.Kind}:");
            foreach (var problem in result.InstanceErrors)
            {
                error.WriteLine($"  {problem}");
            }

            return 1;
        }

        if (format == "json")
        {
            WriteJson(graph.InstanceCrd(), result, output, error);
        }
        else
        {
            WriteYaml(graph.InstanceCrd(), result, output);
        }

        return result.Resources.Any(r => r.State == RenderState.Error) ? 1 : 0;
    }

    private static void WriteYaml(JsonObject crd, RenderResult result, TextWriter output)
    {
        output.WriteLine("# The instance CRD");
        output.Write(YamlWriter.Write(crd));
        foreach (var resource in result.Resources)
        {
            output.WriteLine("---");
            output.WriteLine($"# resource {resource.Id}: {Describe(resource)}");
            foreach (var waiting in resource.Waiting)
            {
                output.WriteLine($"#   waits: {waiting}");
            }

            if (resource.Object is not null && resource.State != RenderState.Excluded)
            {
                output.Write(YamlWriter.Write(resource.Object));
            }
        }

        output.WriteLine("---");
        output.WriteLine("# the instance status, as far as it can be computed offline");
        foreach (var waiting in result.StatusWaiting)
        {
            output.WriteLine($"#   waits: {waiting}");
        }

        output.Write(YamlWriter.Write(new JsonObject { ["status"] = result.Status.DeepClone() }));
    }

    private static void WriteJson(JsonObject crd, RenderResult result, TextWriter output, TextWriter error)
    {
        var items = new JsonArray(crd);
        foreach (var resource in result.Resources)
        {
            error.WriteLine($"resource {resource.Id}: {Describe(resource)}");
            foreach (var waiting in resource.Waiting)
            {
                error.WriteLine($"  waits: {waiting}");
            }

            if (resource.Object is not null && resource.State != RenderState.Excluded)
            {
                items.Add(resource.Object.DeepClone());
            }
        }

        foreach (var waiting in result.StatusWaiting)
        {
            error.WriteLine($"status waits: {waiting}");
        }

        var list = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items, ["status"] = result.Status.DeepClone() };
        output.WriteLine(list.ToJsonString(Indented));
    }

    private static string Describe(RenderedResource resource) => resource.State switch
    {
        RenderState.Rendered => "rendered",
        RenderState.Pending => "rendered; some fields wait on cluster values",
        RenderState.Excluded => $"not created ({resource.Error})",
        _ => $"error: {resource.Error}",
    };
}
