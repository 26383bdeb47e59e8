namespace OciOperator.Schemas.BuiltIn;

/// <summary>
/// A kind the Kubernetes API server serves without a CRD, named as in its model type's <c>[KubernetesEntity]</c>:
/// <see cref="Group"/> is empty for the core group (<c>v1</c>); <see cref="Plural"/> is the resource name, or null where
/// the model does not name one (kinds that are only sent to a subresource or a create-only endpoint: <c>Scale</c>,
/// <c>Eviction</c>, <c>Binding</c>, the access and token reviews); <see cref="Namespaced"/> tells whether objects of the
/// kind live in a namespace.
/// </summary>
public readonly record struct BuiltInKind(string Group, string Version, string Kind, string? Plural, bool Namespaced)
{
    /// <summary>The <c>apiVersion</c> objects of this kind carry: <c>v1</c> for core, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <inheritdoc />
    public override string ToString() => $"{ApiVersion}, Kind={Kind}";
}
