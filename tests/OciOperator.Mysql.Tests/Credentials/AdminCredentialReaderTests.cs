using System.Text;
using k8s.Models;
using Moq;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Credentials;
using OciOperator.Runtime.Caching;

namespace OciOperator.Mysql.Tests.Credentials;

/// <summary>
/// <see cref="AdminCredentialReader"/>: the admin user name and password from the referenced Secrets in the
/// DbSystem's namespace; a missing Secret or key is a named problem, and no value ever appears in a message.
/// </summary>
public sealed class AdminCredentialReaderTests
{
    private const string Namespace = "shop";
    private const string Canary = "Canary-Pa55w0rd-7f3e!";

    private Mock<ICacheReader<V1Secret>> _secrets = null!;

    [SetUp]
    public void NewCache() => _secrets = new Mock<ICacheReader<V1Secret>>(MockBehavior.Strict);

    [Test]
    public void Read_SameSecretForBoth_ValuesAndVersions()
    {
        Have(Secret("admin", "41", data: new() { ["username"] = "admin", ["password"] = Canary }));

        var (credentials, problem) = Reader().Read(Resource("admin", "admin"));

        Assert.That(problem, Is.Null);
        Assert.That(credentials!.Username, Is.EqualTo("admin"));
        Assert.That(credentials.Password, Is.EqualTo(Canary));
        Assert.That(credentials.UsernameSecretVersion, Is.EqualTo("41"));
        Assert.That(credentials.PasswordSecretVersion, Is.EqualTo("41"));
    }

    [Test]
    public void Read_SeparateSecrets_EachFromItsOwnWithItsVersion()
    {
        Have(Secret("user", "7", data: new() { ["username"] = "dba", ["password"] = "not-this-one" }));
        Have(Secret("pass", "9", data: new() { ["username"] = "not-this-one", ["password"] = Canary }));

        var (credentials, _) = Reader().Read(Resource("user", "pass"));

        Assert.That(credentials!.Username, Is.EqualTo("dba"));
        Assert.That(credentials.Password, Is.EqualTo(Canary));
        Assert.That(credentials.UsernameSecretVersion, Is.EqualTo("7"));
        Assert.That(credentials.PasswordSecretVersion, Is.EqualTo("9"));
    }

    [Test]
    public void Read_StringDataOnly_ValuesRead()
    {
        Have(Secret("admin", "3", stringData: new() { ["username"] = "admin", ["password"] = Canary }));

        var (credentials, problem) = Reader().Read(Resource("admin", "admin"));

        Assert.That(problem, Is.Null);
        Assert.That(credentials!.Username, Is.EqualTo("admin"));
        Assert.That(credentials.Password, Is.EqualTo(Canary));
    }

    [Test]
    public void Read_KeyInDataAndStringData_DataWins()
    {
        Have(Secret("admin", "3", data: new() { ["username"] = "from-data", ["password"] = Canary }, stringData: new() { ["username"] = "from-stringData" }));

        var (credentials, _) = Reader().Read(Resource("admin", "admin"));

        Assert.That(credentials!.Username, Is.EqualTo("from-data"));
    }

    [Test]
    public void Read_ValuesWithWhitespaceAndUnicode_TakenAsTheyAre()
    {
        Have(Secret("admin", "3", data: new() { ["username"] = " admin\n", ["password"] = "pä55 wörd\t" }));

        var (credentials, _) = Reader().Read(Resource("admin", "admin"));

        Assert.That(credentials!.Username, Is.EqualTo(" admin\n"));
        Assert.That(credentials.Password, Is.EqualTo("pä55 wörd\t"));
    }

    [TestCase("adminUsername", TestName = "Read_UsernameSecretMissing_SecretNotFoundNamingIt")]
    [TestCase("adminPassword", TestName = "Read_PasswordSecretMissing_SecretNotFoundNamingIt")]
    public void Read_SecretMissing_SecretNotFoundNamingIt(string field)
    {
        Have(Secret("present", "1", data: new() { ["username"] = "admin", ["password"] = Canary }));
        Missing("absent");
        var resource = field == "adminUsername" ? Resource("absent", "present") : Resource("present", "absent");

        var (credentials, problem) = Reader().Read(resource);

        Assert.That(credentials, Is.Null);
        Assert.That(problem!.Reason, Is.EqualTo("SecretNotFound"));
        Assert.That(problem.Message, Does.Contain($"{Namespace}/absent"));
        Assert.That(problem.Message, Does.Contain("spec." + field));
        Assert.That(problem.Message, Does.Contain(field == "adminUsername" ? "'username'" : "'password'"));
        Assert.That(problem.Message, Does.Not.Contain(Canary));
    }

    [TestCase("username", TestName = "Read_UsernameKeyMissing_SecretKeyNotFoundNamingIt")]
    [TestCase("password", TestName = "Read_PasswordKeyMissing_SecretKeyNotFoundNamingIt")]
    public void Read_KeyMissing_SecretKeyNotFoundNamingIt(string key)
    {
        var data = new Dictionary<string, string> { ["username"] = "admin", ["password"] = Canary, ["passwd"] = Canary };
        data.Remove(key);
        Have(Secret("admin", "5", data: data));

        var (credentials, problem) = Reader().Read(Resource("admin", "admin"));

        Assert.That(credentials, Is.Null);
        Assert.That(problem!.Reason, Is.EqualTo("SecretKeyNotFound"));
        Assert.That(problem.Message, Does.Contain($"{Namespace}/admin"));
        Assert.That(problem.Message, Does.Contain($"'{key}'"));
        Assert.That(problem.Message, Does.Contain(key == "username" ? "spec.adminUsername" : "spec.adminPassword"));
        Assert.That(problem.Message, Does.Not.Contain(Canary));
    }

    [Test]
    public void Read_BothSecretsMissing_UsernameReportedFirst()
    {
        Missing("u");
        Missing("p");

        var (_, problem) = Reader().Read(Resource("u", "p"));

        Assert.That(problem!.Message, Does.Contain("spec.adminUsername"));
    }

    [Test]
    public void Read_ReferencesUnset_NoLookupAndNoValues()
    {
        var (credentials, problem) = Reader().Read(Resource(null, null));

        Assert.That(problem, Is.Null);
        Assert.That(credentials!.Username, Is.Null);
        Assert.That(credentials.Password, Is.Null);
        _secrets.Verify(s => s.Get(It.IsAny<string?>(), It.IsAny<string>()), Times.Never);
    }

    [Test]
    public void Read_EmptySecretNames_NoLookup()
    {
        var resource = Resource("", "");

        var (credentials, problem) = Reader().Read(resource);

        Assert.That(problem, Is.Null);
        Assert.That(credentials!.Password, Is.Null);
        _secrets.Verify(s => s.Get(It.IsAny<string?>(), It.IsAny<string>()), Times.Never);
    }

    [Test]
    public void Read_OnlyPasswordReferenced_OnlyPasswordLookedUp()
    {
        Have(Secret("pass", "2", data: new() { ["password"] = Canary }));

        var (credentials, problem) = Reader().Read(Resource(null, "pass"));

        Assert.That(problem, Is.Null);
        Assert.That(credentials!.Username, Is.Null);
        Assert.That(credentials.Password, Is.EqualTo(Canary));
        _secrets.Verify(s => s.Get(Namespace, "pass"), Times.Once);
    }

    [Test]
    public void Read_SecretOfSameNameInOtherNamespace_NotUsed()
    {
        _secrets.Setup(s => s.Get("other", "admin")).Returns(Secret("admin", "1", data: new() { ["username"] = "x", ["password"] = Canary }));
        Missing("admin");

        var (_, problem) = Reader().Read(Resource("admin", "admin"));

        Assert.That(problem!.Reason, Is.EqualTo("SecretNotFound"));
        _secrets.Verify(s => s.Get("other", It.IsAny<string>()), Times.Never);
    }

    [Test]
    public void PasswordSecretVersion_ReferencedSecret_ItsResourceVersion()
    {
        Have(Secret("pass", "77", data: new() { ["password"] = Canary }));

        Assert.That(Reader().PasswordSecretVersion(Resource(null, "pass")), Is.EqualTo("77"));
    }

    [Test]
    public void PasswordSecretVersion_MissingOrUnset_Null()
    {
        Missing("pass");

        Assert.That(Reader().PasswordSecretVersion(Resource(null, "pass")), Is.Null);
        Assert.That(Reader().PasswordSecretVersion(Resource(null, null)), Is.Null);
    }

    [Test]
    public void Read_NullDbSystem_Throws()
    {
        Assert.That(() => Reader().Read(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void ToString_Credentials_NeverShowsValues()
    {
        Have(Secret("admin", "41", data: new() { ["username"] = "canary-user", ["password"] = Canary }));
        var (credentials, _) = Reader().Read(Resource("admin", "admin"));

        var text = credentials!.ToString();

        Assert.That(text, Does.Not.Contain(Canary));
        Assert.That(text, Does.Not.Contain("canary-user"));
        Assert.That(text, Does.Contain("password: set"));
        Assert.That(AdminCredentials.None.ToString(), Does.Contain("password: unset"));
    }

    private AdminCredentialReader Reader() => new(_secrets.Object);

    private void Have(V1Secret secret) => _secrets.Setup(s => s.Get(Namespace, secret.Metadata.Name)).Returns(secret);

    private void Missing(string name) => _secrets.Setup(s => s.Get(Namespace, name)).Returns((V1Secret?)null);

    private static V1Secret Secret(string name, string version, Dictionary<string, string>? data = null, Dictionary<string, string>? stringData = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, ResourceVersion = version },
        Data = data?.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value)),
        StringData = stringData,
    };

    private static DbSystem Resource(string? usernameSecret, string? passwordSecret) => new()
    {
        Metadata = new V1ObjectMeta { Name = "orders", NamespaceProperty = Namespace, Uid = "uid-1" },
        Spec = new DbSystemSpec
        {
            CompartmentId = "ocid1.compartment.oc1..c",
            ShapeName = "MySQL.2",
            SubnetId = "ocid1.subnet.oc1..s",
            AdminUsername = usernameSecret is null ? null : new AdminCredentialSource { Secret = new SecretSource { SecretName = usernameSecret } },
            AdminPassword = passwordSecret is null ? null : new AdminCredentialSource { Secret = new SecretSource { SecretName = passwordSecret } },
        },
    };
}
