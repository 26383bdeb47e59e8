using k8s.Models;
using OciOperator.Runtime.Builder;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Support;

/// <summary>Registers the sample ConfigMap controller through DI, as product controllers do.</summary>
internal sealed class ConfigMapControllerSetup(ConfigMapReconcilerHolder holder) : IControllerSetup
{
    public void Setup(ControllerManager manager)
    {
        var informer = manager.Cache.GetInformer<V1ConfigMap>(SandboxCluster.ConfigMaps);
        holder.Reconciler = new ConfigMapValueReconciler(() => informer);
        manager.NewController<V1ConfigMap>("configmaps", SandboxCluster.ConfigMaps).Complete(holder.Reconciler);
    }
}
