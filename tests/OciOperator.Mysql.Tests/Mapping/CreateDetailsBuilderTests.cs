using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Credentials;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Ownership;
using OciOperator.Mysql.Tests.Support;
using OciOperator.Oci.Mysql;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>
/// <see cref="CreateDetailsBuilder"/>: every spec field reaches OCI's CreateDbSystemDetails, with the credential
/// values instead of the Secret references, no <c>id</c>, and the ownership tags.
/// </summary>
public sealed class CreateDetailsBuilderTests
{
    private const string Password = "canary-Pa55word!";

    /// <summary>
    /// Spec leaves that CreateDbSystemDetails has no place for, each with the reason: <c>source.jsonData</c> is an
    /// artefact of OSOK's generator (<c>reference/osok.md</c> §1.1), not a field of OCI's create API.
    /// </summary>
    private static readonly string[] NotInOciCreateApi = ["source.jsonData"];

    [Test]
    public void FullSpec_EveryPropertyIncludingNested_IsSet()
    {
        var unset = UnsetProperties.Of(DbSystemSamples.FullSpec());

        Assert.That(unset, Is.Empty, "the spec used below must be fully populated");
    }

    [Test]
    public void UnmappedFields_FullSpec_Empty()
    {
        var unmapped = CreateDetailsBuilder.UnmappedFields(DbSystemSamples.FullSpec());

        Assert.That(unmapped, Is.Empty);
    }

    [Test]
    public void Build_FullSpec_EveryLeafReachesTheBodyWithItsValue()
    {
        var spec = DbSystemSamples.FullSpec();
        var expected = ApiJson.ToObject(spec);
        expected.Remove("id");
        expected.Remove("adminUsername");
        expected.Remove("adminPassword");

        var body = UpdateBodies.Canonical(Wire(CreateDetailsBuilder.Build(TestDbSystems.With(spec), Credentials())));

        var missing = new List<string>();
        foreach (var (path, value) in UpdateBodies.Canonical(expected))
        {
            if (NotInOciCreateApi.Contains(path))
            {
                continue;
            }

            if (!body.TryGetValue(path, out var sent) || sent != value)
            {
                missing.Add($"{path}: expected {value}, sent {(sent ?? "nothing")}");
            }
        }

        Assert.That(missing, Is.Empty);
    }

    [TestCaseSource(nameof(NotInOciCreateApi))]
    public void Build_FieldNotInOciCreateApi_IsDroppedAsDocumented(string path)
    {
        var body = UpdateBodies.Canonical(Wire(CreateDetailsBuilder.Build(TestDbSystems.With(DbSystemSamples.FullSpec()), Credentials())));

        Assert.That(body.Keys, Does.Not.Contain(path), "OCI's create API gained this field: map it and drop it from the list");
    }

    [Test]
    public void Build_Credentials_SetAsValuesNotReferences()
    {
        var details = CreateDetailsBuilder.Build(TestDbSystems.With(DbSystemSamples.FullSpec()), Credentials());

        Assert.That(details.AdminUsername, Is.EqualTo("admin"));
        Assert.That(details.AdminPassword, Is.EqualTo(Password));
        var wire = Wire(details);
        Assert.That(wire["adminUsername"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String));
        Assert.That(wire["adminPassword"]!.GetValue<string>(), Is.EqualTo(Password));
    }

    [Test]
    public void Build_NoCredentials_NoAdminFieldsSent()
    {
        var wire = Wire(CreateDetailsBuilder.Build(TestDbSystems.With(DbSystemSamples.FullSpec()), AdminCredentials.None));

        Assert.That(wire.ContainsKey("adminUsername"), Is.False);
        Assert.That(wire.ContainsKey("adminPassword"), Is.False);
    }

    [Test]
    public void Build_BindingId_NeverSent()
    {
        var wire = Wire(CreateDetailsBuilder.Build(TestDbSystems.With(DbSystemSamples.FullSpec()), Credentials()));

        Assert.That(wire.ContainsKey("id"), Is.False);
        Assert.That(wire.ToJsonString(), Does.Not.Contain(DbSystemSamples.FullSpec().Id));
    }

    [Test]
    public void Build_UserTags_KeptAndOwnershipTagsAdded()
    {
        var spec = DbSystemSamples.FullSpec() with { FreeformTags = new Dictionary<string, string> { ["team"] = "data", ["tier"] = "gold" } };

        var details = CreateDetailsBuilder.Build(TestDbSystems.With(spec), Credentials());

        Assert.That(details.FreeformTags, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["team"] = "data",
            ["tier"] = "gold",
            [OwnershipTags.OwnerUid] = TestDbSystems.Uid,
            [OwnershipTags.OwnerName] = $"{TestDbSystems.Namespace}/{TestDbSystems.Name}",
        }));
    }

    [Test]
    public void Build_UserSetsOwnershipTags_OursWin()
    {
        var spec = DbSystemSamples.FullSpec() with
        {
            FreeformTags = new Dictionary<string, string> { [OwnershipTags.OwnerUid] = "forged", [OwnershipTags.OwnerName] = "other/name" },
        };

        var details = CreateDetailsBuilder.Build(TestDbSystems.With(spec), Credentials());

        Assert.That(details.FreeformTags![OwnershipTags.OwnerUid], Is.EqualTo(TestDbSystems.Uid));
        Assert.That(details.FreeformTags[OwnershipTags.OwnerName], Is.EqualTo($"{TestDbSystems.Namespace}/{TestDbSystems.Name}"));
    }

    [Test]
    public void Build_NoUserTags_OwnershipTagsOnly()
    {
        var details = CreateDetailsBuilder.Build(TestDbSystems.With(TestDbSystems.MinimalSpec()), Credentials());

        Assert.That(details.FreeformTags!.Keys, Is.EquivalentTo(new[] { OwnershipTags.OwnerUid, OwnershipTags.OwnerName }));
    }

    [Test]
    public void Build_UserTags_SpecNotModified()
    {
        var spec = DbSystemSamples.FullSpec();

        CreateDetailsBuilder.Build(TestDbSystems.With(spec), Credentials());

        Assert.That(spec.FreeformTags!.Keys, Is.EqualTo(new[] { "team" }));
    }

    [Test]
    public void Build_MinimalSpec_OnlyRequiredFieldsCredentialsAndTagsSent()
    {
        var wire = Wire(CreateDetailsBuilder.Build(TestDbSystems.With(TestDbSystems.MinimalSpec()), Credentials()));

        Assert.That(wire.Select(p => p.Key), Is.EquivalentTo(new[] { "compartmentId", "shapeName", "subnetId", "adminUsername", "adminPassword", "freeformTags" }));
    }

    [Test]
    public void Build_ZeroValueBlocksWrittenByGoClients_NotSent()
    {
        var spec = TestDbSystems.MinimalSpec() with
        {
            Rest = new DbSystemRest(),
            DatabaseConsole = new DbSystemDatabaseConsole(),
            SecureConnections = new DbSystemSecureConnections(),
            EncryptData = new DbSystemEncryptData(),
            Maintenance = new DbSystemMaintenance(),
            Source = new OciOperator.Mysql.Api.DbSystemSource { SourceType = "", JsonData = "" },
            BackupPolicy = new DbSystemBackupPolicy { WindowStartTime = "", FreeformTags = new Dictionary<string, string>() },
        };

        var wire = Wire(CreateDetailsBuilder.Build(TestDbSystems.With(spec), Credentials()));

        Assert.That(wire.Select(p => p.Key), Is.EquivalentTo(new[] { "compartmentId", "shapeName", "subnetId", "adminUsername", "adminPassword", "freeformTags" }));
        Assert.That(CreateDetailsBuilder.UnmappedFields(spec), Is.Empty);
    }

    [Test]
    public void Build_BlockWithOnlyAnExplicitFalse_SentAsAValue()
    {
        var spec = TestDbSystems.MinimalSpec() with { BackupPolicy = new DbSystemBackupPolicy { WindowStartTime = "", PitrPolicy = new DbSystemPitrPolicy { IsEnabled = false } } };

        var details = CreateDetailsBuilder.Build(TestDbSystems.With(spec), Credentials());

        Assert.That(details.BackupPolicy?.PitrPolicy?.IsEnabled, Is.False);
    }

    [Test]
    public void Build_ExplicitFalse_Sent()
    {
        var spec = TestDbSystems.MinimalSpec() with { IsHighlyAvailable = false };

        var wire = Wire(CreateDetailsBuilder.Build(TestDbSystems.With(spec), Credentials()));

        Assert.That(wire["isHighlyAvailable"]?.GetValue<bool>(), Is.False);
    }

    [Test]
    public void Build_SerialisedBody_ContainsSpecValues()
    {
        var spec = DbSystemSamples.FullSpec();

        var json = JsonSerializer.Serialize(CreateDetailsBuilder.Build(TestDbSystems.With(spec), Credentials()), MysqlJsonContext.Default.CreateDbSystemDetails);

        Assert.That(json, Does.Contain($"\"displayName\":\"{spec.DisplayName}\""));
        Assert.That(json, Does.Contain($"\"compartmentId\":\"{spec.CompartmentId}\""));
        Assert.That(json, Does.Contain($"\"dataStorageSizeInGBs\":{spec.DataStorageSizeInGBs}"));
        Assert.That(json, Does.Contain($"\"sourceType\":\"{spec.Source!.SourceType}\""));
        Assert.That(json, Does.Contain($"\"email\":\"{spec.CustomerContacts![0].Email}\""));
        Assert.That(json, Does.Contain($"\"{OwnershipTags.OwnerUid}\":\"{TestDbSystems.Uid}\""));
    }

    [Test]
    public void Build_DetailsPrinted_PasswordNotShown()
    {
        var details = CreateDetailsBuilder.Build(TestDbSystems.With(DbSystemSamples.FullSpec()), Credentials());

        Assert.That(details.ToString(), Does.Not.Contain(Password));
    }

    [Test]
    public void Build_NullArguments_Throw()
    {
        Assert.That(() => CreateDetailsBuilder.Build(null!, Credentials()), Throws.ArgumentNullException);
        Assert.That(() => CreateDetailsBuilder.Build(TestDbSystems.With(TestDbSystems.MinimalSpec()), null!), Throws.ArgumentNullException);
    }

    private static AdminCredentials Credentials() => new("admin", Password, "11", "12");

    private static JsonObject Wire(CreateDbSystemDetails details) =>
        JsonSerializer.SerializeToNode(details, MysqlJsonContext.Default.CreateDbSystemDetails)!.AsObject();
}
