using System.Text.Json.Nodes;

namespace OciOperator.Bundle;

/// <summary>A CRD file of <c>config/crd/bases</c>: its name, exact text and parsed content.</summary>
internal sealed record CrdFile(string FileName, string Text, JsonObject Crd)
{
    public string? Name => Crd["metadata"]?["name"]?.GetValue<string>();
}
