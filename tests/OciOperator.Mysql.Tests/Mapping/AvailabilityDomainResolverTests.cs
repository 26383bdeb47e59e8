using Microsoft.Extensions.Time.Testing;
using Moq;
using OciOperator.Mysql.Mapping;
using OciOperator.Oci.Identity;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>The availability-domain matching rules (OSOK's) and the per-compartment cache of the list.</summary>
public sealed class AvailabilityDomainResolverTests
{
    private static readonly string[] Ashburn = ["Uocm:US-ASHBURN-AD-1", "Uocm:US-ASHBURN-AD-2", "Uocm:US-ASHBURN-AD-3"];

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("Uocm:US-ASHBURN-AD-2", new[] { "Uocm:US-ASHBURN-AD-2" }).SetName("Match_FullName_KeptAsIs");
        yield return new TestCaseData("US-ASHBURN-AD-2", new[] { "Uocm:US-ASHBURN-AD-2" }).SetName("Match_SuffixOnly_ExpandedToFullName");
        yield return new TestCaseData("us-ashburn-ad-3", new[] { "Uocm:US-ASHBURN-AD-3" }).SetName("Match_SuffixOnlyOtherCase_Expanded");
        yield return new TestCaseData("AD-1", new[] { "Uocm:US-ASHBURN-AD-1" }).SetName("Match_AdNumberOnly_Expanded");
        yield return new TestCaseData("qqZb:US-ASHBURN-AD-1", new[] { "qqZb:US-ASHBURN-AD-1" }).SetName("Match_OtherTenancysPrefixWithMatchingSuffix_KeptAsWritten");
        yield return new TestCaseData("US-PHOENIX-AD-1", Array.Empty<string>()).SetName("Match_OtherRegion_NoMatch");
        yield return new TestCaseData("AD-4", Array.Empty<string>()).SetName("Match_NoSuchAd_NoMatch");
        yield return new TestCaseData("qqZb:", Array.Empty<string>()).SetName("Match_PrefixOnly_NoMatch");
        yield return new TestCaseData("ASHBURN-AD-1", new[] { "Uocm:US-ASHBURN-AD-1" }).SetName("Match_PartialRegionSuffix_ExpandedWhenUnique");
    }

    [TestCaseSource(nameof(Cases))]
    public void Match_Requested_ReturnsTheNamesItStandsFor(string requested, string[] expected) =>
        Assert.That(AvailabilityDomainResolver.Match(Ashburn, requested), Is.EqualTo(expected));

    [Test]
    public async Task ResolveAsync_SameCompartmentTwice_ListsOnceUntilTheCacheAges()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-06T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var identity = new Mock<IIdentityClient>();
        identity.Setup(i => i.ListAvailabilityDomainsAsync("ocid1.compartment.oc1..c", It.IsAny<CancellationToken>()))
            .ReturnsAsync([.. Ashburn.Select(n => new AvailabilityDomain { Name = n })]);
        var resolver = new AvailabilityDomainResolver(identity.Object, time);

        var first = await resolver.ResolveAsync("ocid1.compartment.oc1..c", "AD-2", CancellationToken.None);
        var second = await resolver.ResolveAsync("ocid1.compartment.oc1..c", "US-ASHBURN-AD-3", CancellationToken.None);
        time.Advance(AvailabilityDomainResolver.CacheDuration);
        await resolver.ResolveAsync("ocid1.compartment.oc1..c", "AD-1", CancellationToken.None);

        Assert.That(first, Is.EqualTo(new AvailabilityDomainResolution("Uocm:US-ASHBURN-AD-2", null)));
        Assert.That(second.Name, Is.EqualTo("Uocm:US-ASHBURN-AD-3"));
        identity.Verify(i => i.ListAvailabilityDomainsAsync("ocid1.compartment.oc1..c", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task ResolveAsync_NoMatch_ProblemNamesTheAvailableOnes()
    {
        var identity = new Mock<IIdentityClient>();
        identity.Setup(i => i.ListAvailabilityDomainsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([.. Ashburn.Select(n => new AvailabilityDomain { Name = n })]);

        var result = await new AvailabilityDomainResolver(identity.Object, TimeProvider.System).ResolveAsync("ocid1.compartment.oc1..c", "PHX-AD-1", CancellationToken.None);

        Assert.That(result.Name, Is.Null);
        Assert.That(result.Problem, Does.Contain("'PHX-AD-1'").And.Contain(string.Join(", ", Ashburn)));
    }
}
