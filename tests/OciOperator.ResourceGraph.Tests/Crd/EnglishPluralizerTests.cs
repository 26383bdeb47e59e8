using OciOperator.ResourceGraph.Crd;

namespace OciOperator.ResourceGraph.Tests.Crd;

[TestFixture]
public sealed class EnglishPluralizerTests
{
    [TestCase("webapp", "webapps")]
    [TestCase("osokkrodemoapp", "osokkrodemoapps")]
    [TestCase("policy", "policies")]
    [TestCase("networkpolicy", "networkpolicies")]
    [TestCase("gateway", "gateways")]
    [TestCase("key", "keys")]
    [TestCase("status", "statuses")]
    [TestCase("appstatus", "appstatuses")]
    [TestCase("person", "people")]
    [TestCase("salesperson", "salespeople")]
    [TestCase("child", "children")]
    [TestCase("man", "men")]
    [TestCase("human", "humans")]
    [TestCase("ingress", "ingresses")]
    [TestCase("class", "classes")]
    [TestCase("box", "boxes")]
    [TestCase("batch", "batches")]
    [TestCase("mesh", "meshes")]
    [TestCase("analysis", "analyses")]
    [TestCase("shelf", "shelves")]
    [TestCase("knife", "knives")]
    [TestCase("objective", "objectives")]
    [TestCase("index", "indices")]
    [TestCase("redis", "redis")]
    [TestCase("people", "people")]
    [TestCase("equipment", "equipment")]
    [TestCase("data", "data")]
    [TestCase("database", "databases")]
    [TestCase("dbsystem", "dbsystems")]
    [TestCase("", "")]
    public void Pluralize_Word_FlectPlural(string word, string plural)
    {
        Assert.That(EnglishPluralizer.Pluralize(word), Is.EqualTo(plural));
    }
}
