using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using OciOperator.Oci.Identity;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Telemetry;

namespace OciOperator.Oci;

/// <summary>DI registration of the OCI client.</summary>
public static class OciClientServiceCollectionExtensions
{
    /// <summary>The named HttpClient used for OCI calls.</summary>
    public const string HttpClientName = "oci";

    /// <summary>
    /// Registers <see cref="IAuthenticationProvider"/> (mode selected like OSOK from options + environment),
    /// <see cref="IMysqlDbSystemClient"/>, <see cref="OciTelemetry"/> and binds <see cref="OciClientOptions"/> from
    /// <paramref name="configuration"/> (the <c>Oci</c> section). Uses TryAdd so tests can replace any piece.
    /// </summary>
    public static IServiceCollection AddOciClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OciClientOptions>()
            .Bind(configuration)
            .Validate(o => o.Resilience.MaxAttempts >= 1, "Oci:Resilience:MaxAttempts must be at least 1.")
            .Validate(o => o.Resilience.AttemptTimeout > TimeSpan.Zero, "Oci:Resilience:AttemptTimeout must be positive.")
            .Validate(o => o.Resilience.CircuitFailureRatio is > 0 and <= 1, "Oci:Resilience:CircuitFailureRatio must be in (0, 1].")
            .ValidateOnStart();
        services.AddHttpClient(HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new OciTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new AuthenticationProviderFactory(
            Environment.GetEnvironmentVariable,
            sp.GetRequiredService<TimeProvider>(),
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<AuthenticationProviderFactory>()
            .Create(sp.GetRequiredService<IOptions<OciClientOptions>>().Value.Auth));
        services.TryAddSingleton<IMysqlDbSystemClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OciClientOptions>>().Value;
            var auth = sp.GetRequiredService<IAuthenticationProvider>();
            var regions = sp.GetRequiredService<AuthenticationProviderFactory>().Regions;
            var pipeline = new OciHttpPipeline(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                auth,
                ct => OciEndpoints.ResolveMysqlAsync(options.MysqlEndpoint, options.Auth.Region, auth, regions, ct),
                options.Resilience,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<OciTelemetry>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<OciHttpPipeline>());
            return new MysqlDbSystemClient(pipeline);
        });
        services.TryAddSingleton<IIdentityClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OciClientOptions>>().Value;
            var auth = sp.GetRequiredService<IAuthenticationProvider>();
            var regions = sp.GetRequiredService<AuthenticationProviderFactory>().Regions;
            var pipeline = new OciHttpPipeline(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                auth,
                ct => OciEndpoints.ResolveIdentityAsync(options.IdentityEndpoint, options.MysqlEndpoint, options.Auth.Region, auth, regions, ct),
                options.Resilience,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<OciTelemetry>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<OciHttpPipeline>());
            return new IdentityClient(pipeline);
        });
        return services;
    }
}
