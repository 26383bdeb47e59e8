using OciOperator.Runtime.Manager;

namespace OciOperator.Runtime;

/// <summary>
/// Registered in DI (<see cref="ControllerRuntimeBuilder.AddController{TSetup}"/>); called once when the manager
/// starts, to build controllers with <c>manager.NewController&lt;T&gt;(...)</c> from <c>OciOperator.Runtime.Builder</c>.
/// </summary>
public interface IControllerSetup
{
    void Setup(ControllerManager manager);
}
