using System.Text.Json.Nodes;
using OciOperator.Mysql.Mapping;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>How OCI's rewriting of the availability domain and the MySQL version is told apart from a change.</summary>
public sealed class SpecNormalizationTests
{
    private static readonly TestCaseData[] AvailabilityDomains =
    [
        new TestCaseData("qqZb:US-ASHBURN-AD-1", "qqZb:US-ASHBURN-AD-1", true).SetName("SameAvailabilityDomain_IdenticalFullNames_Same"),
        new TestCaseData("US-ASHBURN-AD-1", "qqZb:US-ASHBURN-AD-1", true).SetName("SameAvailabilityDomain_SuffixOnlyDesiredFullLive_Same"),
        new TestCaseData("qqZb:US-ASHBURN-AD-1", "US-ASHBURN-AD-1", true).SetName("SameAvailabilityDomain_FullDesiredSuffixOnlyLive_Same"),
        new TestCaseData("US-ASHBURN-AD-1", "US-ASHBURN-AD-1", true).SetName("SameAvailabilityDomain_BothSuffixOnly_Same"),
        new TestCaseData("us-ashburn-ad-1", "qqZb:US-ASHBURN-AD-1", true).SetName("SameAvailabilityDomain_DifferentCase_Same"),
        new TestCaseData("QQZB:us-ashburn-AD-1", "qqZb:US-ASHBURN-AD-1", true).SetName("SameAvailabilityDomain_DifferentCaseWithPrefix_Same"),
        new TestCaseData("abcd:US-ASHBURN-AD-1", "qqZb:US-ASHBURN-AD-1", true).SetName("SameAvailabilityDomain_OtherTenancyPrefixSameSuffix_Same"),
        new TestCaseData("US-ASHBURN-AD-2", "qqZb:US-ASHBURN-AD-1", false).SetName("SameAvailabilityDomain_OtherSuffix_Different"),
        new TestCaseData("qqZb:US-ASHBURN-AD-2", "qqZb:US-ASHBURN-AD-1", false).SetName("SameAvailabilityDomain_OtherAdSamePrefix_Different"),
        new TestCaseData("US-PHOENIX-AD-1", "US-ASHBURN-AD-1", false).SetName("SameAvailabilityDomain_OtherRegion_Different"),
        new TestCaseData("AD-1", "qqZb:US-ASHBURN-AD-1", false).SetName("SameAvailabilityDomain_PartialSuffix_Different"),
        new TestCaseData(null, null, true).SetName("SameAvailabilityDomain_BothNull_Same"),
        new TestCaseData("", null, true).SetName("SameAvailabilityDomain_EmptyAndNull_Same"),
        new TestCaseData(null, "qqZb:US-ASHBURN-AD-1", false).SetName("SameAvailabilityDomain_NullAndSet_Different"),
        new TestCaseData("US-ASHBURN-AD-1", "", false).SetName("SameAvailabilityDomain_SetAndEmpty_Different"),
    ];

    private static readonly TestCaseData[] AvailabilityDomainsSwapped =
        [.. AvailabilityDomains.Select(c => new TestCaseData(c.Arguments[1], c.Arguments[0], c.Arguments[2]).SetName(c.TestName + "WhenSwapped"))];

    private static readonly TestCaseData[] Versions =
    [
        new TestCaseData("8.0.35", "8.0.35", true).SetName("VersionSatisfied_Equal_Satisfied"),
        new TestCaseData("8.0.35", "8.0.36", true).SetName("VersionSatisfied_PatchAutoUpgraded_Satisfied"),
        new TestCaseData("8.0.3", "8.0.35", true).SetName("VersionSatisfied_PatchNumericNotLexical_Satisfied"),
        new TestCaseData("8.0", "8.0.36", true).SetName("VersionSatisfied_TrackPrefix_Satisfied"),
        new TestCaseData("8.4", "8.4.3", true).SetName("VersionSatisfied_OtherTrackPrefix_Satisfied"),
        new TestCaseData("8.0.36", "8.0.36-u1", true).SetName("VersionSatisfied_LivePreReleaseSuffix_Satisfied"),
        new TestCaseData("8.0.36-u1", "8.0.36", true).SetName("VersionSatisfied_DesiredPreReleaseSuffix_Satisfied"),
        new TestCaseData("8.0.36-u1", "8.0.37-u2", true).SetName("VersionSatisfied_BothSuffixedNewerPatch_Satisfied"),
        new TestCaseData(null, "8.0.36", true).SetName("VersionSatisfied_DesiredUnset_Satisfied"),
        new TestCaseData("", "8.0.36", true).SetName("VersionSatisfied_DesiredEmpty_Satisfied"),
        new TestCaseData("8.0.36", null, true).SetName("VersionSatisfied_LiveUnknown_Satisfied"),
        new TestCaseData("8.0.36", "8.0.35", false).SetName("VersionSatisfied_LiveOlderPatch_NotSatisfied"),
        new TestCaseData("8.0.36", "8.4.0", false).SetName("VersionSatisfied_OtherMinor_NotSatisfied"),
        new TestCaseData("8.0.36", "9.0.36", false).SetName("VersionSatisfied_OtherMajor_NotSatisfied"),
        new TestCaseData("8.0", "8.4.3", false).SetName("VersionSatisfied_TrackOtherMinor_NotSatisfied"),
        new TestCaseData("8.0", "8.04.1", false).SetName("VersionSatisfied_TrackTextPrefixOnly_NotSatisfied"),
        new TestCaseData("8.0.3", "8.0.30.1", true).SetName("VersionSatisfied_FourPartLiveNewerPatch_Satisfied"),
        new TestCaseData("abc", "8.0.36", false).SetName("VersionSatisfied_MalformedDesired_NotSatisfied"),
        new TestCaseData("8.0.x", "8.0.36", false).SetName("VersionSatisfied_MalformedDesiredPatch_NotSatisfied"),
        new TestCaseData("8.0.36", "garbage", false).SetName("VersionSatisfied_MalformedLive_NotSatisfied"),
        new TestCaseData("8.0.+36", "8.0.40", false).SetName("VersionSatisfied_SignedPart_NotSatisfied"),
    ];

    private static readonly TestCaseData[] EmptyBlocks =
    [
        new TestCaseData("""{"rest":{"configuration":""}}""", "{}").SetName("WithoutEmptyBlocks_GoZeroValueBlock_Removed"),
        new TestCaseData("""{"source":{"sourceType":"","jsonData":""}}""", "{}").SetName("WithoutEmptyBlocks_ZeroValueSource_Removed"),
        new TestCaseData("""{"maintenance":{"windowStartTime":"","maintenanceDisabledWindows":[]}}""", "{}").SetName("WithoutEmptyBlocks_EmptyStringAndEmptyList_Removed"),
        new TestCaseData("""{"backupPolicy":{}}""", "{}").SetName("WithoutEmptyBlocks_EmptyObject_Removed"),
        new TestCaseData("""{"adminUsername":{"secret":{"secretName":""}}}""", "{}").SetName("WithoutEmptyBlocks_EmptyNestedBlocks_Removed"),
        new TestCaseData("""{"backupPolicy":{"isEnabled":true,"pitrPolicy":{}}}""", """{"backupPolicy":{"isEnabled":true}}""").SetName("WithoutEmptyBlocks_EmptyBlockInsideSetBlock_OnlyItRemoved"),
        new TestCaseData("""{"rest":{"configuration":"","port":443}}""", """{"rest":{"configuration":"","port":443}}""").SetName("WithoutEmptyBlocks_BlockWithAValue_Kept"),
        new TestCaseData("""{"backupPolicy":{"isEnabled":false}}""", """{"backupPolicy":{"isEnabled":false}}""").SetName("WithoutEmptyBlocks_ExplicitFalse_Kept"),
        new TestCaseData("""{"dataStorage":{"maxStorageSizeInGBs":0}}""", """{"dataStorage":{"maxStorageSizeInGBs":0}}""").SetName("WithoutEmptyBlocks_ExplicitZero_Kept"),
        new TestCaseData("""{"displayName":"","nsgIds":[]}""", """{"displayName":"","nsgIds":[]}""").SetName("WithoutEmptyBlocks_TopLevelScalarsAndLists_Kept"),
        new TestCaseData("""{"customerContacts":[{"email":""}]}""", """{"customerContacts":[{"email":""}]}""").SetName("WithoutEmptyBlocks_ObjectsInLists_Kept"),
    ];

    [TestCaseSource(nameof(EmptyBlocks))]
    public void WithoutEmptyBlocks_Table(string spec, string expected)
    {
        var result = SpecNormalization.WithoutEmptyBlocks(JsonNode.Parse(spec)!.AsObject());

        Assert.That(JsonNode.DeepEquals(result, JsonNode.Parse(expected)), Is.True, result.ToJsonString());
    }

    [TestCaseSource(nameof(AvailabilityDomains))]
    public void SameAvailabilityDomain_Table(string? a, string? b, bool expected)
    {
        var same = SpecNormalization.SameAvailabilityDomain(a, b);

        Assert.That(same, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(AvailabilityDomainsSwapped))]
    public void SameAvailabilityDomain_ArgumentsSwapped_SameAnswer(string? a, string? b, bool expected)
    {
        var same = SpecNormalization.SameAvailabilityDomain(a, b);

        Assert.That(same, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Versions))]
    public void VersionSatisfied_Table(string? desired, string? live, bool expected)
    {
        var satisfied = SpecNormalization.VersionSatisfied(desired, live);

        Assert.That(satisfied, Is.EqualTo(expected));
    }
}
