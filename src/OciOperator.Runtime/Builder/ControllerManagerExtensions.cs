using k8s;
using k8s.Models;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Builder;

/// <summary>The entry point of the fluent builder (controller-runtime's <c>builder.ControllerManagedBy(mgr)</c>).</summary>
public static class ControllerManagerExtensions
{
    /// <summary>Starts a controller definition named <paramref name="name"/> for the primary kind <paramref name="type"/>.</summary>
    public static ControllerBuilder<T> NewController<T>(this ControllerManager manager, string name, ResourceType type)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        return new ControllerBuilder<T>(manager, name, type);
    }
}
