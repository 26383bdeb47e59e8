using Microsoft.Extensions.Options;
using OciOperator.Runtime.Health;

namespace OciOperator.Runtime;

/// <summary>Checks what data annotations cannot: addresses and the lease timing relations. Collects every error.</summary>
internal sealed class ControllerRuntimeOptionsValidator : IValidateOptions<ControllerRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, ControllerRuntimeOptions options)
    {
        var errors = new List<string>();
        if (!BindAddress.TryParse(options.MetricsBindAddress, out _))
        {
            errors.Add($"MetricsBindAddress '{options.MetricsBindAddress}' is not ':port', 'host:port' or '0'");
        }

        if (!BindAddress.TryParse(options.HealthProbeBindAddress, out _))
        {
            errors.Add($"HealthProbeBindAddress '{options.HealthProbeBindAddress}' is not ':port', 'host:port' or '0'");
        }

        if (options.CacheSyncTimeout <= TimeSpan.Zero)
        {
            errors.Add("CacheSyncTimeout must be positive");
        }

        if (options.GracefulShutdownTimeout < TimeSpan.Zero)
        {
            errors.Add("GracefulShutdownTimeout must not be negative");
        }

        if (options.LeaderElection)
        {
            if (options.RetryPeriod <= TimeSpan.Zero)
            {
                errors.Add("RetryPeriod must be positive");
            }

            if (options.RenewDeadline <= options.RetryPeriod)
            {
                errors.Add("RenewDeadline must be greater than RetryPeriod");
            }

            if (options.LeaseDuration <= options.RenewDeadline)
            {
                errors.Add("LeaseDuration must be greater than RenewDeadline");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
