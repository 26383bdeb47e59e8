using OciOperator.Oci.Auth;

namespace OciOperator.Oci.Tests.Auth;

public sealed class OciConfigFileTests
{
    private const string Sample = """
        # comment
        [DEFAULT]
        user=ocid1.user.oc1..default
        fingerprint=aa:bb
        key_file=~/.oci/key.pem
        tenancy=ocid1.tenancy.oc1..t
        region=us-ashburn-1

        [OTHER]
        user = ocid1.user.oc1..other
        pass_phrase=a=b=c
        """;

    [Test]
    public void GetProfile_NamedProfile_FallsBackToDefaultForMissingKeys()
    {
        var profile = OciConfigFile.Parse(Sample, "cfg").GetProfile("OTHER");

        Assert.That(profile.Get("user"), Is.EqualTo("ocid1.user.oc1..other"));
        Assert.That(profile.Get("tenancy"), Is.EqualTo("ocid1.tenancy.oc1..t"));
        Assert.That(profile.Get("region"), Is.EqualTo("us-ashburn-1"));
    }

    [Test]
    public void GetProfile_ValueContainingEquals_SplitsAtFirstEquals()
    {
        Assert.That(OciConfigFile.Parse(Sample, "cfg").GetProfile("OTHER").Passphrase, Is.EqualTo("a=b=c"));
    }

    [Test]
    public void GetProfile_NullName_UsesDefault()
    {
        Assert.That(OciConfigFile.Parse(Sample, "cfg").GetProfile(null).Get("user"), Is.EqualTo("ocid1.user.oc1..default"));
    }

    [Test]
    public void GetProfile_UnknownProfile_ThrowsNamingProfileAndFile()
    {
        var ex = Assert.Throws<OciConfigurationException>(() => OciConfigFile.Parse(Sample, "/etc/oci/config").GetProfile("NOPE"));

        Assert.That(ex!.Message, Does.Contain("[NOPE]").And.Contain("/etc/oci/config").And.Contain("DEFAULT"));
    }

    private static IEnumerable<TestCaseData> MalformedCases()
    {
        yield return new TestCaseData("[DEFAULT\nuser=x", "line 1").SetName("Parse_UnclosedHeader_Throws");
        yield return new TestCaseData("user=x\n[DEFAULT]", "before any [PROFILE]").SetName("Parse_KeyBeforeHeader_Throws");
        yield return new TestCaseData("[DEFAULT]\njust-a-line-with-secret-s3cr3t", "line 2").SetName("Parse_LineWithoutEquals_Throws");
    }

    [TestCaseSource(nameof(MalformedCases))]
    public void Parse_Malformed_ThrowsWithLocationAndNoValue(string text, string expected)
    {
        var ex = Assert.Throws<OciConfigurationException>(() => OciConfigFile.Parse(text, "cfg"));

        Assert.That(ex!.Message, Does.Contain(expected));
        Assert.That(ex.Message, Does.Not.Contain("s3cr3t"));
    }

    [Test]
    public void Require_MissingKey_NamesKeyProfileAndFile()
    {
        var ex = Assert.Throws<OciConfigurationException>(() => OciConfigFile.Parse("[DEFAULT]\nuser=u", "cfg").GetProfile(null).Require("key_file"));

        Assert.That(ex!.Message, Does.Contain("'key_file'").And.Contain("[DEFAULT]").And.Contain("cfg"));
    }

    [TestCase("~/.oci/key.pem", "/home/x/.oci/key.pem")]
    [TestCase("~", "/home/x")]
    [TestCase("/abs/key.pem", "/abs/key.pem")]
    [TestCase("rel~/key.pem", "rel~/key.pem")]
    public void ExpandHome_Paths_ExpandOnlyLeadingTilde(string input, string expected)
    {
        Assert.That(PathExpansion.ExpandHome(input, "/home/x"), Is.EqualTo(expected));
    }
}
