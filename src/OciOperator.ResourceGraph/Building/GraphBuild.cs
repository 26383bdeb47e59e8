using System.Text.Json.Nodes;
using OciOperator.Cel.Values;
using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Schemas;

namespace OciOperator.ResourceGraph.Building;

/// <summary>The state of one build; each stage lives in its own partial file.</summary>
internal sealed partial class GraphBuild(IResourceSchemaResolver resolver, GraphBuildOptions options, KindTypeCache kindTypes)
{
    private readonly GraphErrorList _errors = new();
    private readonly List<string> _waiting = [];
    private readonly List<ResourceDraft> _drafts = [];
    private readonly Dictionary<string, ResourceDraft> _byId = new(StringComparer.Ordinal);
    private readonly CelEnvironments _environments = new();
    private ResourceGraphDefinition _rgd = null!;
    private JsonObject? _specSchema;
    private CelType _schemaType = CelType.Dyn;

    public GraphBuildResult Run(JsonNode? document)
    {
        var rgd = RgdReader.Read(document, _errors);
        if (rgd is null)
        {
            return Result(null, null);
        }

        _rgd = rgd;
        ValidateNaming();
        BuildSpecSchema();
        foreach (var resource in rgd.Resources)
        {
            if (_byId.ContainsKey(resource.Id) || _errors.Items.Any(e => e.ResourceId == resource.Id && e.Path == resource.Path + ".id"))
            {
                continue;
            }

            var draft = new ResourceDraft(resource);
            _drafts.Add(draft);
            _byId[resource.Id] = draft;
            ReadResource(draft);
        }

        foreach (var draft in _drafts)
        {
            ResolveReferences(draft);
        }

        var order = BuildDag(out var dag);
        CheckTypes(order);
        var status = BuildStatus();
        if (_errors.Count > 0 || _waiting.Count > 0 || order is null || rgd.Schema is null)
        {
            return Result(rgd, null);
        }

        return Result(rgd, Compile(order, dag, status));
    }

    /// <summary>Errors sort by the position of their resource (RGD-level errors first); the sort is stable.</summary>
    private static int ResourceIndex(ResourceGraphDefinition? rgd, string? id)
    {
        if (id is null || rgd is null)
        {
            return -1;
        }

        for (var i = 0; i < rgd.Resources.Count; i++)
        {
            if (rgd.Resources[i].Id == id)
            {
                return rgd.Resources[i].Index;
            }
        }

        return int.MaxValue;
    }

    private GraphBuildResult Result(ResourceGraphDefinition? rgd, CompiledGraph? graph) => new()
    {
        Outcome = _errors.Count > 0 ? GraphBuildOutcome.Invalid
            : _waiting.Count > 0 ? GraphBuildOutcome.WaitingForCrds
            : graph is null ? GraphBuildOutcome.Invalid : GraphBuildOutcome.Compiled,
        Graph = _errors.Count == 0 && _waiting.Count == 0 ? graph : null,
        Definition = rgd,
        Errors = [.. _errors.Items.OrderBy(e => ResourceIndex(rgd, e.ResourceId))],
        WaitingFor = [.. _waiting],
    };
}
