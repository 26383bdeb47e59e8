using System.Security.Cryptography;
using OciOperator.Sandbox.Oci;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

/// <summary><c>oci-operator oci check</c> run as a process against the OCI emulator, with a user principal.</summary>
public sealed class OciCheckCommandTests
{
    private const string UserId = "ocid1.user.oc1..aaaacheckuser";
    private const string Compartment = OciEmulator.SampleCompartmentId;
    private string _workDir = "";

    [SetUp]
    public void SetUp()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "oci-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_workDir, recursive: true);

    [Test]
    public async Task OciCheck_RegisteredUserKey_PrintsPrincipalAndSucceeds()
    {
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions());
        using var key = RSA.Create(2048);
        var fingerprint = Fingerprint(key);
        emulator.RegisterApiKey(emulator.TenancyId, UserId, fingerprint, key);
        var config = WriteConfig(key, fingerprint, emulator);

        var result = await RunCheckAsync(config, emulator);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardOutput + result.StandardError);
        Assert.That(result.StandardOutput, Does.Contain(emulator.TenancyId));
        Assert.That(result.StandardOutput, Does.Contain("OK"));
        Assert.That(result.StandardOutput, Does.Match(@"opc-request-id:\s+\S{8,}"));
        Assert.That(emulator.Calls.Count("ListDbSystems"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task OciCheck_UnknownKey_ExplainsTheLikelyCauseAndFails()
    {
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions());
        using var key = RSA.Create(2048);
        var config = WriteConfig(key, Fingerprint(key), emulator);

        var result = await RunCheckAsync(config, emulator);

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.StandardOutput, Does.Contain("likely cause"));
        Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain("PRIVATE KEY"));
    }

    private async Task<ProcessResult> RunCheckAsync(string config, OciEmulator emulator) =>
        await ProcessRunner.RunAsync(
            "dotnet",
            [
                Path.Combine(AppContext.BaseDirectory, "oci-operator.dll"), "oci", "check",
                "--compartment", Compartment, "--auth", "user_principal", "--config-file", config,
                "--endpoint", emulator.MySqlEndpoint.ToString(),
            ],
            TimeSpan.FromSeconds(120),
            _workDir);

    private string WriteConfig(RSA key, string fingerprint, OciEmulator emulator)
    {
        var keyFile = Path.Combine(_workDir, "key.pem");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        var config = Path.Combine(_workDir, "config");
        File.WriteAllText(config, $"""
            [DEFAULT]
            user={UserId}
            fingerprint={fingerprint}
            key_file={keyFile}
            tenancy={emulator.TenancyId}
            region={emulator.Region}
            """);
        return config;
    }

    private static string Fingerprint(RSA key) =>
        string.Join(':', MD5.HashData(key.ExportSubjectPublicKeyInfo()).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
