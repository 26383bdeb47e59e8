using OciOperator.Mysql.Credentials;

namespace OciOperator.Mysql.Tests.Credentials;

/// <summary><see cref="PasswordFingerprints"/>: remembers which password was last sent per DbSystem, without keeping it.</summary>
public sealed class PasswordFingerprintsTests
{
    private const string Uid = "uid-1";
    private const string Canary = "Canary-Pa55w0rd-7f3e!";

    [Test]
    public void IsKnownSent_NothingRemembered_False()
    {
        Assert.That(new PasswordFingerprints().IsKnownSent(Uid, Canary), Is.False);
    }

    [Test]
    public void IsKnownSent_SamePasswordRemembered_True()
    {
        var fingerprints = new PasswordFingerprints();
        fingerprints.Remember(Uid, Canary);

        Assert.That(fingerprints.IsKnownSent(Uid, Canary), Is.True);
    }

    [TestCase("Canary-Pa55w0rd-7f3e")]
    [TestCase("canary-Pa55w0rd-7f3e!")]
    [TestCase("Canary-Pa55w0rd-7f3e! ")]
    [TestCase("")]
    public void IsKnownSent_OtherPassword_False(string other)
    {
        var fingerprints = new PasswordFingerprints();
        fingerprints.Remember(Uid, Canary);

        Assert.That(fingerprints.IsKnownSent(Uid, other), Is.False);
    }

    [Test]
    public void IsKnownSent_OtherDbSystem_False()
    {
        var fingerprints = new PasswordFingerprints();
        fingerprints.Remember(Uid, Canary);

        Assert.That(fingerprints.IsKnownSent("uid-2", Canary), Is.False);
    }

    [Test]
    public void Remember_NewPassword_ReplacesOld()
    {
        var fingerprints = new PasswordFingerprints();
        fingerprints.Remember(Uid, Canary);

        fingerprints.Remember(Uid, "Rotated-Pa55w0rd!");

        Assert.That(fingerprints.IsKnownSent(Uid, "Rotated-Pa55w0rd!"), Is.True);
        Assert.That(fingerprints.IsKnownSent(Uid, Canary), Is.False);
    }

    [Test]
    public void Forget_Remembered_NoLongerKnown()
    {
        var fingerprints = new PasswordFingerprints();
        fingerprints.Remember(Uid, Canary);

        fingerprints.Forget(Uid);

        Assert.That(fingerprints.IsKnownSent(Uid, Canary), Is.False);
    }

    [Test]
    public void Forget_Unknown_NoError()
    {
        Assert.That(() => new PasswordFingerprints().Forget("never-seen"), Throws.Nothing);
    }

    [Test]
    public void IsKnownSent_OtherProcess_NotKnown()
    {
        var first = new PasswordFingerprints();
        first.Remember(Uid, Canary);

        Assert.That(new PasswordFingerprints().IsKnownSent(Uid, Canary), Is.False);
    }

    [Test]
    public void ToString_AfterRemember_NoPassword()
    {
        var fingerprints = new PasswordFingerprints();
        fingerprints.Remember(Uid, Canary);

        Assert.That(fingerprints.ToString(), Does.Not.Contain(Canary));
    }
}
