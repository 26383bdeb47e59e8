namespace OciOperator.Runtime.Manager;

/// <summary>Registered in DI; called once when the manager starts, to build controllers with <see cref="ControllerManager.NewController{T}"/>.</summary>
public interface IControllerSetup
{
    void Setup(ControllerManager manager);
}
