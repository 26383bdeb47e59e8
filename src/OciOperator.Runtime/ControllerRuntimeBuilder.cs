using Microsoft.Extensions.DependencyInjection;

namespace OciOperator.Runtime;

/// <summary>Returned by <see cref="ControllerRuntimeServiceCollectionExtensions.AddControllerRuntime"/> to add controllers.</summary>
public sealed class ControllerRuntimeBuilder(IServiceCollection services)
{
    public IServiceCollection Services => services;

    /// <summary>Adds a controller set-up, called when the manager starts.</summary>
    public ControllerRuntimeBuilder AddController<TSetup>()
        where TSetup : class, IControllerSetup
    {
        services.AddSingleton<IControllerSetup, TSetup>();
        return this;
    }
}
