using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// One node after a run: its outcome and, when it is resolvable (every dependency ready, included), its desired
/// objects (one for a resource, one per item for a collection, the reference for an external ref).
/// </summary>
public sealed record NodeRun(CompiledNode Node, NodeOutcome Outcome, IReadOnlyList<JsonObject> Desired)
{
    public string Id => Node.Id;

    /// <summary>True when the engine should apply <see cref="Desired"/> now (a template node that resolved).</summary>
    public bool Resolvable => Node.Kind == NodeKind.Template && Outcome is NodeOutcome.Ready or NodeOutcome.WaitingOnReadiness;

    public bool Excluded => Outcome is NodeOutcome.Excluded;
}
