namespace OciOperator.Sandbox.Kube.Resources;

/// <summary>When <c>metadata.generation</c> is set and bumped (kube-api.md §4).</summary>
internal enum GenerationPolicy
{
    /// <summary>The kind does not use generation.</summary>
    None,

    /// <summary>+1 when <c>spec</c> changes (Job, CRD).</summary>
    Spec,

    /// <summary>+1 when <c>spec</c> or the annotations change (Deployment).</summary>
    SpecOrAnnotations,

    /// <summary>+1 when anything outside <c>metadata</c> changes (custom resources).</summary>
    AnythingButMetadata,
}
