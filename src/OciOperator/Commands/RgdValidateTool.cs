using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Building;
using OciOperator.Yaml;

namespace OciOperator.Commands;

/// <summary>
/// What <c>oci-operator rgd validate</c> does: read every ResourceGraphDefinition in the files, build its graph against
/// the known schemas, and print each error with its resource id and path, or the topological order when valid.
/// </summary>
internal static class RgdValidateTool
{
    /// <summary>Exit code: 0 when every RGD is valid, 1 when any has errors or cannot be checked, 2 for unusable input.</summary>
    public static int Run(IReadOnlyList<string> files, IReadOnlyList<string> crdFiles, TextWriter output, TextWriter error)
    {
        var (resolver, crds) = RgdSchemaSources.Create();
        var problems = crdFiles.SelectMany(f => RgdSchemaSources.AddCrdFile(crds, f)).ToList();
        var inputs = new List<(string File, JsonNode Document)>();
        foreach (var file in files)
        {
            try
            {
                foreach (var document in YamlDocuments.Parse(File.ReadAllText(file)))
                {
                    if (RgdSchemaSources.IsCrd(document))
                    {
                        _ = crds.Add(document.AsObject());
                    }
                    else
                    {
                        inputs.Add((file, document));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                problems.Add($"{file}: {e.Message}");
            }
        }

        foreach (var problem in problems)
        {
            error.WriteLine($"error: {problem}");
        }

        if (problems.Count > 0)
        {
            return 2;
        }

        if (inputs.Count == 0)
        {
            error.WriteLine("error: no ResourceGraphDefinition found in the files given");
            return 2;
        }

        var builder = new GraphBuilder(resolver);
        var failed = false;
        foreach (var (file, document) in inputs)
        {
            failed |= !Report(file, builder.Build(document), output);
        }

        return failed ? 1 : 0;
    }

    private static bool Report(string file, GraphBuildResult result, TextWriter output)
    {
        var name = result.Definition is { } rgd ? $"{ResourceGraphDefinition.Kind} {rgd.Name}" : "document";
        switch (result.Outcome)
        {
            case GraphBuildOutcome.Compiled:
                var graph = result.Graph!;
                output.WriteLine($"{file}: {name} is valid: kind {graph.Schema.Kind} ({graph.Schema.Group}/{graph.Schema.ApiVersion}), {graph.Nodes.Count} resources");
                output.WriteLine($"  topological order: {string.Join(", ", graph.TopologicalOrder)}");
                return true;
            case GraphBuildOutcome.WaitingForCrds:
                output.WriteLine($"{file}: {name} cannot be checked offline: no schema for {result.WaitingFor.Count} kind(s); pass their CRDs with --crd FILE");
                foreach (var waiting in result.WaitingFor)
                {
                    output.WriteLine($"  {waiting}");
                }

                return false;
            default:
                output.WriteLine($"{file}: {name} is invalid ({result.Errors.Count} error{(result.Errors.Count == 1 ? string.Empty : "s")}):");
                foreach (var graphError in result.Errors)
                {
                    output.WriteLine($"  {graphError}");
                }

                return false;
        }
    }
}
