using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Rendering;

/// <summary>
/// The instance (with its spec defaults applied), its resources in topological order and its status; or, when the
/// instance itself is invalid (required fields missing), <see cref="InstanceErrors"/> and nothing rendered.
/// </summary>
public sealed record RenderResult(
    JsonObject Instance,
    IReadOnlyList<RenderedResource> Resources,
    JsonObject Status,
    IReadOnlyList<string> StatusWaiting,
    IReadOnlyList<string> InstanceErrors);
