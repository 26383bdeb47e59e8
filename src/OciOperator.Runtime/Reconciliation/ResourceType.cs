namespace OciOperator.Runtime.Reconciliation;

/// <summary>
/// Identifies a Kubernetes resource type: group/version/kind plus its REST plural and scope. Used as the key for
/// caches and as the optional type part of a <see cref="ReconcileRequest"/> for dynamic kinds.
/// </summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version, e.g. <c>v1</c>.</param>
/// <param name="Kind">Kind, e.g. <c>Secret</c>.</param>
/// <param name="Plural">REST resource name, e.g. <c>secrets</c>.</param>
/// <param name="Namespaced">Whether objects live in namespaces.</param>
public sealed record ResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced = true)
{
    /// <summary>The <c>apiVersion</c> string: <c>v1</c> for core, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The collection path, across namespaces when <paramref name="namespace"/> is null.</summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && !string.IsNullOrEmpty(@namespace)
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}"
            : $"{root}/{Plural}";
    }

    /// <summary>The path of one object.</summary>
    public string ObjectPath(string? @namespace, string name) =>
        $"{CollectionPath(Namespaced ? @namespace : null)}/{Uri.EscapeDataString(name)}";

    public override string ToString() => Group.Length == 0 ? $"{Plural}.{Version}" : $"{Plural}.{Version}.{Group}";
}
