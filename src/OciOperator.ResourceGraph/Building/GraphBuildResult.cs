using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Building;

/// <summary>What building an RGD gave: the compiled graph, or every error found, or the CRDs it waits for.</summary>
public sealed record GraphBuildResult
{
    public required GraphBuildOutcome Outcome { get; init; }

    public CompiledGraph? Graph { get; init; }

    /// <summary>The RGD as read (null when the document was not an RGD).</summary>
    public ResourceGraphDefinition? Definition { get; init; }

    public IReadOnlyList<GraphError> Errors { get; init; } = [];

    /// <summary>One line per kind whose CRD is awaited: <c>resource "db": waiting for CRD ...</c>.</summary>
    public IReadOnlyList<string> WaitingFor { get; init; } = [];

    /// <summary>kro's condition message: every error on its own line, or the awaited CRDs.</summary>
    public string Message => Outcome switch
    {
        GraphBuildOutcome.Invalid => string.Join("\n", Errors),
        GraphBuildOutcome.WaitingForCrds => string.Join("\n", WaitingFor),
        _ => string.Empty,
    };
}
