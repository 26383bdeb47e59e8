using Microsoft.Extensions.Time.Testing;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Signing;
using OciOperator.Oci.Tests.Support;

namespace OciOperator.Oci.Tests.Auth;

public sealed class AuthenticationProviderFactoryTests
{
    private const string Passphrase = "Sup3r-Secret-Passphrase!";
    private const string Tenancy = "ocid1.tenancy.oc1..aaaa";
    private const string User = "ocid1.user.oc1..bbbb";
    private TempDirectory _dir = null!;
    private FakeEnvironment _env = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _env = new FakeEnvironment();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private AuthenticationProviderFactory Factory() => new(_env.Lookup, _time, () => new HttpClient());

    private string Config(string body) => _dir.Write("config", body);

    [Test]
    public async Task Create_ConfigFileWithEncryptedKey_SignsAsUserWithDefaultFallback()
    {
        using var key = TestKeys.NewKey();
        var keyFile = _dir.Write("key.pem", TestKeys.EncryptedPem(key, Passphrase));
        var config = Config($"[DEFAULT]\ntenancy={Tenancy}\nregion=iad\nfingerprint=11:22\n\n[PROD]\nuser={User}\nkey_file={keyFile}\npass_phrase={Passphrase}\n");

        var provider = Factory().Create(new OciAuthOptions { Mode = "user_principal", ConfigFile = config, Profile = "PROD" });
        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.That(provider.PrincipalType, Is.EqualTo(PrincipalType.User));
        Assert.That(credentials.KeyId, Is.EqualTo($"{Tenancy}/{User}/11:22"));
        Assert.That(provider.Region, Is.EqualTo("us-ashburn-1"));
        Assert.That(credentials.PrivateKey.ExportSubjectPublicKeyInfo(), Is.EqualTo(key.ExportSubjectPublicKeyInfo()));
    }

    [Test]
    public void Create_WrongPassphrase_ClearErrorWithoutSecret()
    {
        using var key = TestKeys.NewKey();
        var keyFile = _dir.Write("key.pem", TestKeys.EncryptedPem(key, Passphrase));
        var config = Config($"[DEFAULT]\ntenancy={Tenancy}\nuser={User}\nregion=iad\nfingerprint=11:22\nkey_file={keyFile}\npass_phrase=Wr0ng-Guess-Value\n");

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions { Mode = "user_principal", ConfigFile = config }));

        Assert.That(ex!.Message, Does.Contain("could not be decrypted").And.Contain(keyFile));
        Assert.That(ex.ToString(), Does.Not.Contain("Wr0ng-Guess-Value").And.Not.Contain(Passphrase));
    }

    [Test]
    public void Create_EncryptedKeyWithoutPassphrase_SaysPassphraseMissing()
    {
        using var key = TestKeys.NewKey();
        var keyFile = _dir.Write("key.pem", TestKeys.EncryptedPem(key, Passphrase));
        var config = Config($"[DEFAULT]\ntenancy={Tenancy}\nuser={User}\nregion=iad\nfingerprint=11:22\nkey_file={keyFile}\n");

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions { Mode = "user_principal", ConfigFile = config }));

        Assert.That(ex!.Message, Does.Contain("encrypted").And.Contain("pass_phrase"));
    }

    [Test]
    public void Create_UnreadablePem_NamesFileAndHidesContent()
    {
        var keyFile = _dir.Write("key.pem", "-----BEGIN RSA PRIVATE KEY-----\nTm90QUtleVNlY3JldA==\n-----END RSA PRIVATE KEY-----\n");
        var config = Config($"[DEFAULT]\ntenancy={Tenancy}\nuser={User}\nregion=iad\nfingerprint=11:22\nkey_file={keyFile}\n");

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions { Mode = "user_principal", ConfigFile = config }));

        Assert.That(ex!.Message, Does.Contain("not a readable RSA private key").And.Contain(keyFile));
        Assert.That(ex.ToString(), Does.Not.Contain("Tm90QUtleVNlY3JldA"));
    }

    [Test]
    public void Create_NotPem_SaysSo()
    {
        var keyFile = _dir.Write("key.pem", "hello");
        var config = Config($"[DEFAULT]\ntenancy={Tenancy}\nuser={User}\nregion=iad\nfingerprint=11:22\nkey_file={keyFile}\n");

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions { Mode = "user_principal", ConfigFile = config }));

        Assert.That(ex!.Message, Does.Contain("not PEM"));
    }

    [Test]
    public void Create_MissingKeyFile_NamesPath()
    {
        var config = Config($"[DEFAULT]\ntenancy={Tenancy}\nuser={User}\nregion=iad\nfingerprint=11:22\nkey_file={_dir.Path}/absent.pem\n");

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions { Mode = "user_principal", ConfigFile = config }));

        Assert.That(ex!.Message, Does.Contain("absent.pem").And.Contain("cannot be read"));
    }

    [Test]
    public void Create_MissingFingerprint_NamesKey()
    {
        var config = Config($"[DEFAULT]\ntenancy={Tenancy}\nuser={User}\nregion=iad\nkey_file=/x\n");

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions { Mode = "user_principal", ConfigFile = config }));

        Assert.That(ex!.Message, Does.Contain("'fingerprint'"));
    }

    [Test]
    public void Create_MissingConfigFile_NamesPath()
    {
        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions { Mode = "user_principal", ConfigFile = _dir.Path + "/nope" }));

        Assert.That(ex!.Message, Does.Contain("nope").And.Contain("cannot be read"));
    }

    [Test]
    public async Task Create_SecurityTokenProfile_UsesStTokenAndRereadsAfterUnauthorized()
    {
        using var key = TestKeys.NewKey();
        var keyFile = _dir.Write("key.pem", TestKeys.Pkcs1Pem(key));
        var token1 = TestKeys.JwtExpiring(_time.GetUtcNow().AddHours(1));
        var tokenFile = _dir.Write("token", token1 + "\n");
        var config = Config($"[SESSION]\ntenancy={Tenancy}\nregion=us-phoenix-1\nfingerprint=11:22\nkey_file={keyFile}\nsecurity_token_file={tokenFile}\n");

        var provider = Factory().Create(new OciAuthOptions { Mode = "security_token", ConfigFile = config, Profile = "SESSION" });
        var first = await provider.GetCredentialsAsync(CancellationToken.None);
        var token2 = TestKeys.JwtExpiring(_time.GetUtcNow().AddHours(2));
        File.WriteAllText(tokenFile, token2);
        var refreshed = await provider.RefreshAfterUnauthorizedAsync(first, CancellationToken.None);
        var second = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.That(provider.PrincipalType, Is.EqualTo(PrincipalType.SessionToken));
        Assert.That(first.KeyId, Is.EqualTo("ST$" + token1));
        Assert.That(refreshed, Is.True);
        Assert.That(second.KeyId, Is.EqualTo("ST$" + token2));
    }

    [Test]
    public async Task Create_OsokEnvironmentUserPrincipal_BuildsKeyIdFromEnv()
    {
        using var key = TestKeys.NewKey();
        _env["TENANCY"] = Tenancy;
        _env["USER"] = User;
        _env["FINGERPRINT"] = "aa:bb";
        _env["REGION"] = "fra";
        _env["PRIVATEKEY"] = TestKeys.EncryptedPem(key, Passphrase);
        _env["PASSPHRASE"] = Passphrase;

        var provider = Factory().Create(new OciAuthOptions());
        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.That(credentials.KeyId, Is.EqualTo($"{Tenancy}/{User}/aa:bb"));
        Assert.That(provider.Region, Is.EqualTo("eu-frankfurt-1"));
    }

    [Test]
    public void Create_IncompleteEnvironment_ListsMissingVariables()
    {
        _env["TENANCY"] = Tenancy;
        _env["USER"] = User;

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions()));

        Assert.That(ex!.Message, Does.Contain("Incomplete user principal configuration").And.Contain("FINGERPRINT").And.Contain("PRIVATEKEY").And.Contain("REGION"));
    }

    [Test]
    public void Create_EnvironmentKeyWrongPassphrase_NoSecretInMessage()
    {
        using var key = TestKeys.NewKey();
        var pem = TestKeys.EncryptedPem(key, Passphrase);
        _env["TENANCY"] = Tenancy;
        _env["USER"] = User;
        _env["FINGERPRINT"] = "aa:bb";
        _env["REGION"] = "iad";
        _env["PRIVATEKEY"] = pem;
        _env["PASSPHRASE"] = "Another-Secret-9";

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions()));

        Assert.That(ex!.Message, Does.Contain("PRIVATEKEY"));
        Assert.That(ex.ToString(), Does.Not.Contain("Another-Secret-9").And.Not.Contain(pem[40..80]));
    }

    [Test]
    public async Task Create_ResourcePrincipalFromFiles_UsesRpstAndTenantClaim()
    {
        using var key = TestKeys.NewKey();
        var rpst = TestKeys.JwtExpiring(_time.GetUtcNow().AddHours(1), ",\"res_tenant\":\"ocid1.tenancy.oc1..rp\"");
        _env["AUTH_TYPE"] = "resource_principal";
        _env["OCI_RESOURCE_PRINCIPAL_VERSION"] = "2.2";
        _env["OCI_RESOURCE_PRINCIPAL_RPST"] = _dir.Write("rpst", rpst);
        _env["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"] = _dir.Write("rp.pem", TestKeys.EncryptedPem(key, Passphrase));
        _env["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE"] = _dir.Write("rp.pass", Passphrase);
        _env["OCI_RESOURCE_PRINCIPAL_REGION"] = "us-ashburn-1";

        var provider = Factory().Create(new OciAuthOptions());
        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.That(provider.PrincipalType, Is.EqualTo(PrincipalType.Resource));
        Assert.That(credentials.KeyId, Is.EqualTo("ST$" + rpst));
        Assert.That(provider.TenancyId, Is.EqualTo("ocid1.tenancy.oc1..rp"));
    }

    [Test]
    public void Create_ResourcePrincipalMixedPathAndValue_Throws()
    {
        _env["AUTH_TYPE"] = "resource_principal";
        _env["OCI_RESOURCE_PRINCIPAL_VERSION"] = "2.2";
        _env["OCI_RESOURCE_PRINCIPAL_RPST"] = "a.b.c";
        _env["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"] = "-----BEGIN PRIVATE KEY-----";
        _env["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE"] = "/abs/pass";
        _env["OCI_RESOURCE_PRINCIPAL_REGION"] = "iad";

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions()));

        Assert.That(ex!.Message, Does.Contain("must be a path exactly when"));
    }

    [Test]
    public void Create_ResourcePrincipalWrongVersion_Throws()
    {
        _env["AUTH_TYPE"] = "resource_principal";
        _env["OCI_RESOURCE_PRINCIPAL_VERSION"] = "3.0";

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions()));

        Assert.That(ex!.Message, Does.Contain("2.2").And.Contain("3.0"));
    }

    [Test]
    public void Create_OkeWithoutServiceHost_SaysRunInCluster()
    {
        _env["AUTH_TYPE"] = "oke_workload_identity";
        _env["OCI_RESOURCE_PRINCIPAL_VERSION"] = "2.2";
        _env["OCI_RESOURCE_PRINCIPAL_REGION"] = "iad";

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions()));

        Assert.That(ex!.Message, Does.Contain("KUBERNETES_SERVICE_HOST"));
    }

    [Test]
    public void Create_OkeWithUnreadableClusterCa_NamesCaPath()
    {
        _env["AUTH_TYPE"] = "oke_workload_identity";
        _env["OCI_RESOURCE_PRINCIPAL_VERSION"] = "2.2";
        _env["OCI_RESOURCE_PRINCIPAL_REGION"] = "iad";
        _env["KUBERNETES_SERVICE_HOST"] = "10.96.0.1";
        _env["OCI_KUBERNETES_SERVICE_ACCOUNT_CERT_PATH"] = _dir.Path + "/missing-ca.crt";

        var ex = Assert.Throws<OciConfigurationException>(() => Factory().Create(new OciAuthOptions()));

        Assert.That(ex!.Message, Does.Contain("missing-ca.crt"));
    }

    [Test]
    public void Create_OkeWithClusterCa_BuildsProvider()
    {
        var (_, _, ca) = TestKeys.InstanceIdentity(Tenancy, _time.GetUtcNow());
        _env["AUTH_TYPE"] = "oke_workload_identity";
        _env["OCI_RESOURCE_PRINCIPAL_VERSION"] = "2.2";
        _env["OCI_RESOURCE_PRINCIPAL_REGION"] = "iad";
        _env["KUBERNETES_SERVICE_HOST"] = "10.96.0.1";
        _env["OCI_KUBERNETES_SERVICE_ACCOUNT_CERT_PATH"] = _dir.Write("ca.crt", ca.ExportCertificatePem());

        var provider = Factory().Create(new OciAuthOptions());

        Assert.That(provider.PrincipalType, Is.EqualTo(PrincipalType.OkeWorkloadIdentity));
        Assert.That(provider.Region, Is.EqualTo("us-ashburn-1"));
    }

    [Test]
    public void ToString_CreateDetailsWithPassword_Redacted()
    {
        var details = new OciOperator.Oci.Mysql.CreateDbSystemDetails { CompartmentId = "c", ShapeName = "s", SubnetId = "n", AdminPassword = "Passw0rd!Secret" };

        Assert.That(details.ToString(), Does.Not.Contain("Passw0rd!Secret").And.Contain("***"));
    }

    [Test]
    public void SigningCredentials_ToString_HidesToken()
    {
        using var key = TestKeys.NewKey();

        Assert.That(new SigningCredentials("ST$secret.token.value", key).ToString(), Does.Not.Contain("secret.token.value"));
    }
}
