namespace OciOperator.Cel.Tests.Common;

/// <summary>Host objects given to an activation become CEL values.</summary>
public sealed class CelActivationTests
{
    [Test]
    public void Evaluate_HostCollections_ConvertToCelValues()
    {
        var vars = new Dictionary<string, object?>
        {
            ["labels"] = new Dictionary<string, string> { ["app"] = "db" },
            ["ports"] = new List<int> { 80, 443 },
            ["at"] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ["ttl"] = TimeSpan.FromMinutes(90),
        };

        var result = CelTestHelper.Eval("labels.app + ':' + string(ports[1]) + ':' + string(at.getFullYear()) + ':' + string(ttl)", vars);

        Assert.That(result.ToString(), Is.EqualTo("'db:443:2024:5400s'"));
    }
}
