namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>DeleteOptions.propagationPolicy.</summary>
internal enum DeletionPropagation
{
    Background,
    Foreground,
    Orphan,
}
