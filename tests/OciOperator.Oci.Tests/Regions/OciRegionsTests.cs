using OciOperator.Oci.Regions;
using OciOperator.Oci.Tests.Support;

namespace OciOperator.Oci.Tests.Regions;

public sealed class OciRegionsTests
{
    private static IEnumerable<TestCaseData> Endpoints()
    {
        yield return new TestCaseData("us-ashburn-1", "https://mysql.us-ashburn-1.ocp.oraclecloud.com/20190415").SetName("Resolve_Ashburn_Oc1");
        yield return new TestCaseData("IAD", "https://mysql.us-ashburn-1.ocp.oraclecloud.com/20190415").SetName("Resolve_ShortCodeUpper_Ashburn");
        yield return new TestCaseData(" fra ", "https://mysql.eu-frankfurt-1.ocp.oraclecloud.com/20190415").SetName("Resolve_ShortCodeTrimmed_Frankfurt");
        yield return new TestCaseData("us-gov-ashburn-1", "https://mysql.us-gov-ashburn-1.ocp.oraclegovcloud.com/20190415").SetName("Resolve_Oc3_GovCloud");
        yield return new TestCaseData("ltn", "https://mysql.uk-gov-london-1.ocp.oraclegovcloud.uk/20190415").SetName("Resolve_Oc4_Uk");
        yield return new TestCaseData("eu-frankfurt-2", "https://mysql.eu-frankfurt-2.ocp.oraclecloud.eu/20190415").SetName("Resolve_Oc19_Eu");
        yield return new TestCaseData("xx-unknown-9", "https://mysql.xx-unknown-9.ocp.oraclecloud.com/20190415").SetName("Resolve_UnknownRegion_DefaultsToOc1");
        yield return new TestCaseData("region.example.com", "https://mysql.region.example.com/20190415").SetName("Resolve_DottedRegion_UsedAsIs");
    }

    [TestCaseSource(nameof(Endpoints))]
    public void MysqlEndpoint_Region_IsTemplate(string region, string expected)
    {
        Assert.That(OciRegions.BuiltIn.Resolve(region).MysqlEndpoint.AbsoluteUri, Is.EqualTo(expected));
    }

    [Test]
    public void AuthEndpoint_Frankfurt_IsAuthHost()
    {
        Assert.That(OciRegions.BuiltIn.Resolve("eu-frankfurt-1").AuthEndpoint.AbsoluteUri, Is.EqualTo("https://auth.eu-frankfurt-1.oraclecloud.com/"));
    }

    [Test]
    public void FromEnvironment_RegionMetadata_AddsRegionAndShortCode()
    {
        var env = new FakeEnvironment(new() { ["OCI_REGION_METADATA"] = """{"realmKey":"OC99","realmDomainComponent":"example.cloud","regionKey":"ZZZ","regionIdentifier":"xx-new-1"}""" });

        var regions = OciRegions.FromEnvironment(env.Lookup);

        Assert.That(regions.Resolve("zzz").MysqlEndpoint.AbsoluteUri, Is.EqualTo("https://mysql.xx-new-1.ocp.example.cloud/20190415"));
        Assert.That(regions.Resolve("xx-new-1").RealmKey, Is.EqualTo("oc99"));
    }

    [Test]
    public void FromEnvironment_DefaultRealm_AppliesToUnknownRegions()
    {
        var regions = OciRegions.FromEnvironment(new FakeEnvironment(new() { ["OCI_DEFAULT_REALM"] = "oc2" }).Lookup);

        Assert.That(regions.Resolve("us-new-1").RealmDomain, Is.EqualTo("oraclegovcloud.com"));
    }

    [TestCase("{not json", "not valid JSON")]
    [TestCase("""{"realmKey":"oc1"}""", "regionIdentifier")]
    public void FromEnvironment_BadMetadata_ClearError(string json, string expected)
    {
        var ex = Assert.Throws<OciConfigurationException>(() => OciRegions.FromEnvironment(new FakeEnvironment(new() { ["OCI_REGION_METADATA"] = json }).Lookup));

        Assert.That(ex!.Message, Does.Contain(expected).And.Contain("OCI_REGION_METADATA"));
    }

    [Test]
    public void Resolve_UnknownShortCode_Throws()
    {
        Assert.Throws<OciConfigurationException>(() => OciRegions.BuiltIn.Resolve("qqq"));
    }
}
