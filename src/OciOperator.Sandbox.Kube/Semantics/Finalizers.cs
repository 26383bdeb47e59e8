namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>Finalizer names the Sandbox's own controllers process.</summary>
internal static class Finalizers
{
    public const string Foreground = "foregroundDeletion";
    public const string Orphan = "orphan";
    public const string Kubernetes = "kubernetes";
}
