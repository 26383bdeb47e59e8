using System.CommandLine;
using OciOperator.Commands;

namespace OciOperator.Tests.Commands;

/// <summary>
/// <c>--dynamic-controller-concurrent-reconciles</c> (kro's flag) sets the workers of every instance kind's controller;
/// a value that is not a whole number from 1 to 256 is a parse error (one line, exit code 2).
/// </summary>
public sealed class InstanceWorkersFlagTests
{
    private static (IReadOnlyList<string> Errors, Dictionary<string, string?> Configuration) Parse(params string[] args)
    {
        var options = new OperatorOptions("json");
        var command = new Command("run");
        options.AddTo(command);
        var parse = command.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return ([.. parse.Errors.Select(e => e.Message)], []);
        }

        return ([], options.Read(parse).ToConfiguration().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    [Test]
    public void Read_NoFlag_TwoWorkersPerKind()
    {
        var (errors, configuration) = Parse();

        Assert.That(errors, Is.Empty);
        Assert.That(configuration["ResourceGraph:InstanceWorkers"], Is.EqualTo("2"));
    }

    [TestCase("1")]
    [TestCase("16")]
    [TestCase("256")]
    public void Read_Given_ReachesTheResourceGraphSection(string given)
    {
        var (errors, configuration) = Parse("--dynamic-controller-concurrent-reconciles", given);

        Assert.That(errors, Is.Empty);
        Assert.That(configuration["ResourceGraph:InstanceWorkers"], Is.EqualTo(given));
    }

    [TestCase("0")]
    [TestCase("257")]
    [TestCase("-3")]
    [TestCase("two")]
    public void Read_OutOfRange_OneParseErrorNamingTheFlag(string given)
    {
        var (errors, _) = Parse("--dynamic-controller-concurrent-reconciles", given);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("--dynamic-controller-concurrent-reconciles must be a whole number between 1 and 256"));
    }
}
