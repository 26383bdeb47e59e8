using OciOperator.Runtime.Queue;
using OciOperator.Testing.Architecture;

namespace OciOperator.Runtime.Tests.Architecture;

public sealed class LogEventIdTests
{
    [Test]
    public void LoggerMessages_RuntimeAssembly_EventIdsUnique()
    {
        var assembly = typeof(WorkQueue<>).Assembly;

        Assert.That(LogEventIds.Declared(assembly), Has.Count.GreaterThanOrEqualTo(20), "the log methods were found");
        Assert.That(LogEventIds.Duplicates(assembly), Is.Empty);
    }
}
