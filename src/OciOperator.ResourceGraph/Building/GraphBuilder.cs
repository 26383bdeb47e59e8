using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Schemas;

namespace OciOperator.ResourceGraph.Building;

/// <summary>
/// Turns an RGD into an immutable <see cref="Graph.CompiledGraph"/> (kro <c>pkg/graph/builder.go</c>, split by stage):
/// admission rules, naming, resources and their schemas, expression extraction, references and the DAG, CEL type
/// checks, status inference, instance CRD. Every error is collected with its resource id and path.
/// Thread-safe: each call works on its own state.
/// </summary>
public sealed class GraphBuilder(IResourceSchemaResolver resolver, GraphBuildOptions? options = null)
{
    private readonly GraphBuildOptions _options = options ?? new GraphBuildOptions();
    private readonly KindTypeCache _kindTypes = new();

    public GraphBuildResult Build(JsonNode? rgdDocument) => new GraphBuild(resolver, _options, _kindTypes).Run(rgdDocument);
}
