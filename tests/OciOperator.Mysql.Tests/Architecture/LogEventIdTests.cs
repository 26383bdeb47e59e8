using OciOperator.Testing.Architecture;
using OciOperator.Mysql.Controllers;

namespace OciOperator.Mysql.Tests.Architecture;

public sealed class LogEventIdTests
{
    [Test]
    public void LoggerMessages_MysqlAssembly_EventIdsUnique()
    {
        var assembly = typeof(DbSystemControllerSetup).Assembly;

        Assert.That(LogEventIds.Declared(assembly), Has.Count.GreaterThanOrEqualTo(6), "the log methods were found");
        Assert.That(LogEventIds.Duplicates(assembly), Is.Empty);
    }
}
