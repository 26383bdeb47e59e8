using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Tests.Schema;

public sealed class JsonPathExpressionTests
{
    private const string Document = """
        {"metadata":{"name":"db","labels":{"app.kubernetes.io/name":"mysql"}},
         "spec":{"ports":[{"name":"a","port":1},{"name":"b","port":2},{"name":"c","port":3}],"empty":[]},
         "status":{"status":{"conditions":[{"type":"Provisioning","status":"True"},{"type":"Active","status":"True"}]},
                   "conditions":[{"type":"Ready","status":"False"},{"type":"Synced","status":"True"}]}}
        """;

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case(".metadata.name", "\"db\"");
        yield return Case("{.metadata.name}", "\"db\"");
        yield return Case(".spec.ports[0].name", "\"a\"");
        yield return Case(".spec.ports[-1].port", "3");
        yield return Case(".status.status.conditions[-1].type", "\"Active\"");
        yield return Case(".spec.ports[*].name", "\"a\"", "\"b\"", "\"c\"");
        yield return Case(".spec.ports[0,2].port", "1", "3");
        yield return Case(".spec.ports[1:].name", "\"b\"", "\"c\"");
        yield return Case(".spec.ports[:-1].port", "1", "2");
        yield return Case(".status.conditions[?(@.type==\"Ready\")].status", "\"False\"");
        yield return Case(".status.conditions[?(@.type=='Synced')].status", "\"True\"");
        yield return Case(".spec.ports[?(@.port>1)].name", "\"b\"", "\"c\"");
        yield return Case(".spec.ports[?(@.missing)].name");
        yield return Case(".metadata.labels['app.kubernetes.io/name']", "\"mysql\"");
        yield return Case(".metadata.labels.app\\.kubernetes\\.io/name", "\"mysql\"");
        yield return Case(".spec.missing.deeper");
        yield return Case(".spec.empty[-1]");
        yield return Case(".spec.ports[7]");
        yield return Case("..port", "1", "2", "3");
        yield return Case(".metadata.*", "\"db\"", "{\"app.kubernetes.io/name\":\"mysql\"}");
    }

    private static TestCaseData Case(string path, params string[] expected) =>
        new(path, expected) { TestName = "Evaluate_" + path };

    [TestCaseSource(nameof(Cases))]
    public void Evaluate_Table(string path, string[] expected)
    {
        Assert.That(JsonPathExpression.TryParse(path, out var expression, out var error), Is.True, error);

        var results = expression!.Evaluate(JsonNode.Parse(Document));

        Assert.That(results.Select(r => r.ToJsonString()), Is.EqualTo(expected));
    }

    [TestCase(".spec.ports[0")]
    [TestCase(".spec.ports[x]")]
    [TestCase(".spec.ports[?(@.a==)]")]
    [TestCase("{.spec")]
    [TestCase(".spec!")]
    [TestCase(".a[1:2:0]")]
    public void TryParse_Invalid_ReturnsError(string path)
    {
        var ok = JsonPathExpression.TryParse(path, out var expression, out var error);

        Assert.That(ok, Is.False);
        Assert.That(expression, Is.Null);
        Assert.That(error, Is.Not.Empty);
    }
}
