using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Tests.Schema;

public sealed class PrinterColumnsTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> CellCases()
    {
        yield return Case("string", ".spec.color", """{"spec":{"color":"red"}}""", "\"red\"");
        yield return Case("string of number", ".spec.n", """{"spec":{"n":3}}""", "\"3\"");
        yield return Case("string of map", ".spec", """{"spec":{"b":1,"a":"x"}}""", "\"map[a:x b:1]\"");
        yield return Case("string of list", ".spec.l", """{"spec":{"l":["a","b"]}}""", "\"[a b]\"");
        yield return Case("missing", ".spec.color", """{"spec":{}}""", "null");
        yield return Case("integer", ".spec.n", """{"spec":{"n":3}}""", "3");
        yield return Case("integer truncates float", ".spec.n", """{"spec":{"n":3.9}}""", "3");
        yield return Case("integer of string is null", ".spec.n", """{"spec":{"n":"3"}}""", "null");
        yield return Case("number", ".spec.n", """{"spec":{"n":2}}""", "2");
        yield return Case("boolean", ".spec.b", """{"spec":{"b":true}}""", "true");
        yield return Case("boolean of string is null", ".spec.b", """{"spec":{"b":"true"}}""", "null");
        yield return Case("date five minutes", ".metadata.creationTimestamp", """{"metadata":{"creationTimestamp":"2025-01-01T11:55:00Z"}}""", "\"5m\"");
        yield return Case("date invalid", ".metadata.creationTimestamp", """{"metadata":{"creationTimestamp":"soon"}}""", "\"<invalid>\"");
        yield return Case("date empty", ".metadata.creationTimestamp", """{"metadata":{"creationTimestamp":""}}""", "\"<unknown>\"");
        yield return Case("osok status column", ".status.status.conditions[-1].type",
            """{"status":{"status":{"conditions":[{"type":"Provisioning"},{"type":"Active"}]}}}""", "\"Active\"");
    }

    private static TestCaseData Case(string name, string jsonPath, string obj, string expected)
    {
        var type = name.Split(' ')[0] switch
        {
            "osok" or "missing" => "string",
            var t => t,
        };
        return new TestCaseData(type, jsonPath, obj, expected) { TestName = "RenderCells_" + name.Replace(' ', '_') };
    }

    [TestCaseSource(nameof(CellCases))]
    public void RenderCells_Table(string type, string jsonPath, string obj, string expected)
    {
        var columns = new[] { new PrinterColumn("C", type, null, "", 0, jsonPath) };

        var cells = PrinterColumns.RenderCells(JsonNode.Parse(obj)!, columns, Now);

        Assert.That(cells.Count, Is.EqualTo(1));
        Assert.That(Show(cells[0]), Is.EqualTo(expected));
    }

    private static string Show(JsonNode? cell) =>
        cell is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? "\"" + v.GetValue<string>() + "\"" : cell?.ToJsonString() ?? "null";

    [TestCase(0, "0s")]
    [TestCase(-1, "0s")]
    [TestCase(-5, "<invalid>")]
    [TestCase(119, "119s")]
    [TestCase(150, "2m30s")]
    [TestCase(600, "10m")]
    [TestCase(3 * 3600 + 5 * 60, "3h5m")]
    [TestCase(10 * 3600, "10h")]
    [TestCase(3 * 86400 + 4 * 3600, "3d4h")]
    [TestCase(30 * 86400, "30d")]
    [TestCase(3 * 365 * 86400 + 10 * 86400, "3y10d")]
    [TestCase(9 * 365 * 86400, "9y")]
    public void HumanDuration_Format_MatchesApimachinery(long seconds, string expected) =>
        Assert.That(HumanDuration.Format(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));

    [Test]
    public void FromCrdVersion_NoColumns_GivesAgeOnly()
    {
        var columns = PrinterColumns.FromCrdVersion(JsonNode.Parse("""{"name":"v1"}""")!);

        Assert.That(columns, Is.EqualTo(new[] { PrinterColumns.DefaultAge }));
    }

    [Test]
    public void FromCrdVersion_DeclaredColumns_NoImplicitAgeAndDefaultDescription()
    {
        var version = JsonNode.Parse("""
            {"name":"v1beta1","additionalPrinterColumns":[
              {"name":"DisplayName","type":"string","jsonPath":".spec.displayName","priority":1},
              {"name":"Status","type":"string","description":"status of the DbSystem","jsonPath":".status.status.conditions[-1].type"}]}
            """)!;

        var columns = PrinterColumns.FromCrdVersion(version);
        var definitions = PrinterColumns.ColumnDefinitions(columns);

        Assert.That(columns.Select(c => c.Name), Is.EqualTo(new[] { "DisplayName", "Status" }));
        Assert.That(columns[0].Description, Is.EqualTo("Custom resource definition column (in JSONPath format): .spec.displayName"));
        Assert.That(columns[0].Priority, Is.EqualTo(1));
        Assert.That(definitions.Select(d => d!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Name", "DisplayName", "Status" }));
        Assert.That(definitions[0]!["format"]!.GetValue<string>(), Is.EqualTo("name"));
    }
}
