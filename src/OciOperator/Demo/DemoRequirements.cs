using OciOperator.Hosting;

namespace OciOperator.Demo;

/// <summary>What <c>sandbox --demo</c> needs of the other flags: both controllers and the workload simulators.</summary>
internal static class DemoRequirements
{
    /// <summary>The graph engine's name in <c>--controllers</c>.</summary>
    public const string RgdController = "rgd";

    /// <summary>The DbSystem controller's name in <c>--controllers</c>.</summary>
    public const string DbSystemController = "dbsystem";

    /// <summary>An <c>error:</c> line when the flags make the walkthrough impossible; null when they are fine.</summary>
    public static string? Check(OperatorSettings settings, LocalSandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var missing = new[] { DbSystemController, RgdController }
            .Where(c => !settings.Controllers.Contains(c, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (missing.Count > 0)
        {
            return $"error: --demo needs the {string.Join(" and ", missing)} controller{(missing.Count > 1 ? "s" : string.Empty)}: leave --controllers at its default or include {string.Join(",", missing)}.";
        }

        return options.Simulators
            ? null
            : "error: --demo needs the workload simulators (the Job must succeed, the Deployment roll out, the Service get an IP): drop --no-simulators.";
    }
}
