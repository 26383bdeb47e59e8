namespace OciOperator.Sandbox.Oci.Tests.Identity;

public sealed class PrepareIdentityTests
{
    [Test]
    public async Task StartAsync_PrepareIdentity_MakesTheKeysBeforeAnyRequest()
    {
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { PrepareIdentity = true });

        await emulator.IdentityPrepared;

        Assert.That(emulator.HasIdentity, Is.True);
    }

    [Test]
    public async Task StartAsync_Default_MakesTheKeysOnlyWhenFirstNeeded()
    {
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions());

        await emulator.IdentityPrepared;

        Assert.That(emulator.HasIdentity, Is.False);
    }
}
