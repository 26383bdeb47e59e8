namespace OciOperator.Runtime.Tests.Support;

/// <summary>Lets a test reach the reconciler its DI-registered setup created.</summary>
internal sealed class ConfigMapReconcilerHolder
{
    public ConfigMapValueReconciler? Reconciler { get; set; }
}
