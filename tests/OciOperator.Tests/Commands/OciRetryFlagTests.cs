using System.CommandLine;
using OciOperator.Commands;

namespace OciOperator.Tests.Commands;

/// <summary>
/// <c>--oci-retry-base-delay</c> reaches the OCI client's retry options (base and jitter), and without it the client
/// keeps OCI's SDK defaults (nothing is configured).
/// </summary>
public sealed class OciRetryFlagTests
{
    private static Dictionary<string, string?> Configuration(params string[] args)
    {
        var options = new OperatorOptions("json");
        var command = new Command("run");
        options.AddTo(command);
        var parse = command.Parse(args);
        Assert.That(parse.Errors, Is.Empty, string.Join("; ", parse.Errors.Select(e => e.Message)));
        return options.Read(parse).ToConfiguration().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    [TestCase("50ms", "00:00:00.0500000")]
    [TestCase("00:00:02", "00:00:02")]
    public void Read_OciRetryBaseDelay_SetsRetryBaseAndJitter(string given, string expected)
    {
        var configuration = Configuration("--oci-retry-base-delay", given);

        Assert.That(configuration["Oci:Resilience:RetryBaseDelay"], Is.EqualTo(expected));
        Assert.That(configuration["Oci:Resilience:RetryJitter"], Is.EqualTo(expected));
    }

    [Test]
    public void Read_NoOciRetryBaseDelay_LeavesTheClientDefaults()
    {
        var configuration = Configuration();

        Assert.That(configuration.Keys.Where(k => k.StartsWith("Oci:Resilience:", StringComparison.Ordinal)), Is.Empty);
    }
}
