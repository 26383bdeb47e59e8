using OciOperator.ResourceGraph.Crd;
using OciOperator.ResourceGraph.Dag;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Building;

/// <summary>Stage 6: the immutable compiled graph and the instance CRD with its inferred status schema.</summary>
internal sealed partial class GraphBuild
{
    private CompiledGraph Compile(IReadOnlyList<string> order, DirectedAcyclicGraph<string> dag, StatusDraft status)
    {
        var nodes = order.Select(id => ToNode(_byId[id])).ToList();
        var crd = InstanceCrdBuilder.Build(_rgd.Schema!, _rgd.Name, _rgd.Uid, options.OperatorVersion, status.Properties);
        return new CompiledGraph(
            _rgd.Name,
            _rgd.Schema!,
            nodes,
            dag,
            dag.ReverseTopologicalLayers() ?? [],
            status.Fields,
            status.Conditions,
            crd,
            new Dictionary<string, Cel.Values.CelType>(BaseVariables(), StringComparer.Ordinal));
    }

    private CompiledNode ToNode(ResourceDraft draft) => new()
    {
        Id = draft.Id,
        Index = draft.Resource.Index,
        Kind = draft.Kind,
        Gvk = draft.Gvk!.Value,
        Namespaced = draft.Namespaced,
        Template = draft.Object.DeepClone().AsObject(),
        ExternalRef = draft.Resource.ExternalRef,
        Fields = [.. draft.Fields.Select(f => new CompiledField(f.Path, f.Standalone, f.Compiled!))],
        IncludeWhen = [.. draft.IncludeWhen.Select(e => e.Compiled!)],
        ReadyWhen = [.. draft.ReadyWhen.Select(e => e.Compiled!)],
        ForEach = [.. draft.ForEach.Select(e => new CompiledForEach(e.Dimension!, e.Compiled!))],
        Dependencies = [.. draft.Dependencies.OrderBy(d => _byId[d].Resource.Index)],
        DeletionPolicy = draft.DeletionPolicy,
        ExternalFields = ExternalFieldPaths(draft.Resource),
    };
}
