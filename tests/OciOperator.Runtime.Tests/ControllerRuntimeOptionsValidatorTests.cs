using OciOperator.Runtime.Manager;

namespace OciOperator.Runtime.Tests;

public sealed class ControllerRuntimeOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeeds()
    {
        var result = new ControllerRuntimeOptionsValidator().Validate(null, new ControllerRuntimeOptions { LeaderElection = true });

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void Validate_BadAddressesAndLeaseTimings_ListsEveryError()
    {
        var options = new ControllerRuntimeOptions
        {
            MetricsBindAddress = "nonsense",
            HealthProbeBindAddress = ":99999",
            LeaderElection = true,
            LeaseDuration = TimeSpan.FromSeconds(5),
            RenewDeadline = TimeSpan.FromSeconds(10),
            RetryPeriod = TimeSpan.FromSeconds(2),
        };

        var result = new ControllerRuntimeOptionsValidator().Validate(null, options);

        Assert.That(result.Failures?.Count(), Is.EqualTo(3));
        Assert.That(result.FailureMessage, Does.Contain("MetricsBindAddress").And.Contain("HealthProbeBindAddress").And.Contain("LeaseDuration"));
    }
}
