using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Ownership;

namespace OciOperator.Mysql.Tests.Ownership;

/// <summary><see cref="OwnershipTags"/>: the tags that mark a DB system as ours, and the create retry token.</summary>
public sealed class OwnershipTagsTests
{
    private const string Uid = "5f0e8d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f";

    [Test]
    public void RetryToken_SameUid_SameTokenEveryTime()
    {
        var first = OwnershipTags.RetryToken(Uid);
        var second = OwnershipTags.RetryToken(string.Concat(Uid.AsSpan(0, 8), Uid.AsSpan(8)));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void RetryToken_OtherUid_OtherToken()
    {
        Assert.That(OwnershipTags.RetryToken(Uid), Is.Not.EqualTo(OwnershipTags.RetryToken("0a1b2c3d-0000-4000-8000-000000000000")));
    }

    [Test]
    public void RetryToken_KubernetesUid_WithinOciLimitAndContainsUid()
    {
        var token = OwnershipTags.RetryToken(Uid);

        Assert.That(token, Has.Length.LessThanOrEqualTo(64));
        Assert.That(token, Does.Contain(Uid));
    }

    [Test]
    public void WithOwnership_NoUserTags_OnlyOwnershipTags()
    {
        var tags = OwnershipTags.WithOwnership(null, Uid, "shop", "orders");

        Assert.That(tags, Is.EquivalentTo(new Dictionary<string, string>
        {
            [OwnershipTags.OwnerUid] = Uid,
            [OwnershipTags.OwnerName] = "shop/orders",
        }));
    }

    [Test]
    public void WithOwnership_UserTags_KeptAndOwnershipAdded()
    {
        var tags = OwnershipTags.WithOwnership(new Dictionary<string, string> { ["team"] = "data" }, Uid, "shop", "orders");

        Assert.That(tags, Has.Count.EqualTo(3));
        Assert.That(tags["team"], Is.EqualTo("data"));
        Assert.That(tags[OwnershipTags.OwnerUid], Is.EqualTo(Uid));
    }

    [Test]
    public void WithOwnership_UserSetsOurKeys_OursWin()
    {
        var user = new Dictionary<string, string> { [OwnershipTags.OwnerUid] = "forged", [OwnershipTags.OwnerName] = "x/y" };

        var tags = OwnershipTags.WithOwnership(user, Uid, "shop", "orders");

        Assert.That(tags[OwnershipTags.OwnerUid], Is.EqualTo(Uid));
        Assert.That(tags[OwnershipTags.OwnerName], Is.EqualTo("shop/orders"));
    }

    [Test]
    public void WithOwnership_UserTags_InputNotModified()
    {
        var user = new Dictionary<string, string> { ["team"] = "data" };

        OwnershipTags.WithOwnership(user, Uid, "shop", "orders");

        Assert.That(user.Keys, Is.EqualTo(new[] { "team" }));
    }

    [Test]
    public void IsOwnedBy_OurUid_True()
    {
        Assert.That(OwnershipTags.IsOwnedBy(OwnershipTags.WithOwnership(null, Uid, "shop", "orders"), Uid), Is.True);
    }

    private static readonly TestCaseData[] NotOwned =
    [
        new TestCaseData(null).SetName("IsOwnedBy_NoTags_False"),
        new TestCaseData(new Dictionary<string, string>()).SetName("IsOwnedBy_EmptyTags_False"),
        new TestCaseData(new Dictionary<string, string> { [OwnershipTags.OwnerUid] = "another-uid" }).SetName("IsOwnedBy_OtherUid_False"),
        new TestCaseData(new Dictionary<string, string> { [OwnershipTags.OwnerUid] = Uid.ToUpperInvariant() }).SetName("IsOwnedBy_UidOtherCase_False"),
        new TestCaseData(new Dictionary<string, string> { [OwnershipTags.OwnerName] = "shop/orders" }).SetName("IsOwnedBy_OnlyNameTag_False"),
        new TestCaseData(new Dictionary<string, string> { ["displayName"] = "orders" }).SetName("IsOwnedBy_UnrelatedTags_False"),
    ];

    [TestCaseSource(nameof(NotOwned))]
    public void IsOwnedBy_NotOurUid_False(Dictionary<string, string>? tags)
    {
        Assert.That(OwnershipTags.IsOwnedBy(tags, Uid), Is.False);
    }
}
