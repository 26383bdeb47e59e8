using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OciOperator.ResourceGraph.Definitions;
using OciOperator.Runtime;

namespace OciOperator.ResourceGraph;

/// <summary>DI registration of the RGD engine.</summary>
public static class ResourceGraphServiceCollectionExtensions
{
    /// <summary>
    /// Adds the RGD controller (and, through it, one instance controller per Active RGD) to the controller runtime, with
    /// options from <paramref name="configuration"/> (the <c>ResourceGraph</c> section, validated at start).
    /// </summary>
    public static ControllerRuntimeBuilder AddResourceGraphController(this ControllerRuntimeBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<ResourceGraphControllerOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ResourceGraphControllerOptions>>().Value);
        return builder.AddController<RgdControllerSetup>();
    }
}
