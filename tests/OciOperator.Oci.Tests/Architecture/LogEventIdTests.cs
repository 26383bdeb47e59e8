using OciOperator.Testing.Architecture;
using OciOperator.Oci.Http;

namespace OciOperator.Oci.Tests.Architecture;

public sealed class LogEventIdTests
{
    [Test]
    public void LoggerMessages_OciAssembly_EventIdsUnique()
    {
        var assembly = typeof(OciHttpPipeline).Assembly;

        Assert.That(LogEventIds.Declared(assembly), Has.Count.GreaterThanOrEqualTo(8), "the log methods were found");
        Assert.That(LogEventIds.Duplicates(assembly), Is.Empty);
    }
}
