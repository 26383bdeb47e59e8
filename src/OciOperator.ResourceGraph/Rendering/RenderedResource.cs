using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Rendering;

/// <summary>
/// One object an instance would produce (a collection produces one per item). <see cref="Waiting"/> lists, per field,
/// what it waits on; such fields keep their <c>${...}</c> text in <see cref="Object"/>.
/// </summary>
public sealed record RenderedResource(string Id, RenderState State, JsonObject? Object, IReadOnlyList<string> Waiting, string? Error);
