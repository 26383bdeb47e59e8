using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Oci;
using OciOperator.Sandbox.Oci.Mysql;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Mysql;

/// <summary>Out-of-band changes (console edits) seen over the real API: new values, new ETag and timeUpdated, no work request.</summary>
public sealed class OutOfBandChangeTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider _clock = null!;
    private EmulatorHarness _harness = null!;

    private OciEmulator Emulator => _harness.Emulator;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeTimeProvider(Start);
        _harness = await EmulatorHarness.StartAsync(new OciEmulatorOptions
        {
            TimeProvider = _clock, CreateDelay = TimeSpan.FromSeconds(30), UpdateDelay = TimeSpan.FromSeconds(10), DeleteDelay = TimeSpan.FromSeconds(20),
        });
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private async Task<string> CreateActiveAsync()
    {
        var (_, created) = await _harness.CreateAsync();
        _clock.Advance(TimeSpan.FromSeconds(30));
        return (string)created["id"]!;
    }

    private async Task<(JsonObject Body, string ETag)> GetWithEtagAsync(string id)
    {
        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems/{id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!, response.Headers.GetValues("etag").Single());
    }

    private async Task<int> WorkRequestCountAsync()
    {
        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/workRequests?compartmentId={EmulatorHarness.CompartmentId}");
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Count;
    }

    private static IEnumerable<TestCaseData> SingleFieldChanges()
    {
        yield return new TestCaseData((Action<OciEmulator, string>)((e, id) => e.SetDisplayName(id, "renamed-in-console")), "displayName", JsonValue.Create("renamed-in-console"))
            .SetName("SetDisplayName_Active_NewValueEtagAndTimeUpdated");
        yield return new TestCaseData((Action<OciEmulator, string>)((e, id) => e.SetDescription(id, "edited by hand")), "description", JsonValue.Create("edited by hand"))
            .SetName("SetDescription_Active_NewValueEtagAndTimeUpdated");
        yield return new TestCaseData((Action<OciEmulator, string>)((e, id) => e.SetFreeformTags(id, new Dictionary<string, string> { ["team"] = "dba" })), "freeformTags", new JsonObject { ["team"] = "dba" })
            .SetName("SetFreeformTags_Active_ReplacesTags");
        yield return new TestCaseData(
                (Action<OciEmulator, string>)((e, id) => e.SetDefinedTags(id, new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Operations"] = new Dictionary<string, string> { ["CostCenter"] = "42" } })),
                "definedTags", new JsonObject { ["Operations"] = new JsonObject { ["CostCenter"] = "42" } })
            .SetName("SetDefinedTags_Active_ReplacesTags");
        yield return new TestCaseData((Action<OciEmulator, string>)((e, id) => e.SetDataStorageSize(id, 200)), "dataStorageSizeInGBs", JsonValue.Create(200))
            .SetName("SetDataStorageSize_Active_NewSize");
    }

    [TestCaseSource(nameof(SingleFieldChanges))]
    public async Task OutOfBandSetter_ActiveSystem_VisibleWithNewEtagAndTimeUpdatedWithoutWorkRequest(Action<OciEmulator, string> change, string field, JsonNode expected)
    {
        var id = await CreateActiveAsync();
        var (before, etagBefore) = await GetWithEtagAsync(id);
        var workRequests = await WorkRequestCountAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));

        change(Emulator, id);
        var (after, etagAfter) = await GetWithEtagAsync(id);

        Assert.That(JsonNode.DeepEquals(after[field], expected), Is.True, after[field]?.ToJsonString());
        Assert.That(JsonNode.DeepEquals(before[field], expected), Is.False);
        Assert.That(etagAfter, Is.Not.EqualTo(etagBefore));
        Assert.That(DateTimeOffset.Parse((string)after["timeUpdated"]!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(Start.AddSeconds(30).AddMinutes(5)));
        Assert.That((string?)after["lifecycleState"], Is.EqualTo("ACTIVE"));
        Assert.That(await WorkRequestCountAsync(), Is.EqualTo(workRequests));
    }

    [Test]
    public async Task SetDisplayName_AfterChange_IfNoneMatchWithOldEtagReturnsBody()
    {
        var id = await CreateActiveAsync();
        var (_, etag) = await GetWithEtagAsync(id);

        Emulator.SetDisplayName(id, "drifted");
        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems/{id}", configure: r => r.Headers.TryAddWithoutValidation("if-none-match", etag));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["displayName"], Is.EqualTo("drifted"));
    }

    [Test]
    public async Task SetFreeformTags_ListDbSystems_SummaryShowsNewTags()
    {
        var id = await CreateActiveAsync();

        Emulator.SetFreeformTags(id, new Dictionary<string, string> { ["env"] = "prod", ["owner"] = "console" });
        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");
        var summary = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Single()!;

        Assert.That(JsonNode.DeepEquals(summary["freeformTags"], new JsonObject { ["env"] = "prod", ["owner"] = "console" }), Is.True, summary.ToJsonString());
    }

    [Test]
    public async Task ChangeDbSystemOutOfBand_SeveralFields_AllStoredAndSnapshotReturned()
    {
        var id = await CreateActiveAsync();

        var snapshot = Emulator.ChangeDbSystemOutOfBand(id, d => d with
        {
            ShapeName = "MySQL.4", Port = 3307, HostnameLabel = "dbhost", MysqlVersion = "9.3", IsHighlyAvailable = true, Description = null,
        });
        var (after, etag) = await GetWithEtagAsync(id);

        Assert.That((string?)after["shapeName"], Is.EqualTo("MySQL.4"));
        Assert.That((int?)after["port"], Is.EqualTo(3307));
        Assert.That((string?)after["hostnameLabel"], Is.EqualTo("dbhost"));
        Assert.That((string?)after["mysqlVersion"], Is.EqualTo("9.3.0"));
        Assert.That((bool?)after["isHighlyAvailable"], Is.True);
        Assert.That(snapshot.MysqlVersion, Is.EqualTo("9.3.0"));
        Assert.That(snapshot.ETag, Is.EqualTo(etag));
    }

    [Test]
    public async Task ChangeDbSystemOutOfBand_NothingChanged_EtagAndTimeUpdatedKept()
    {
        var id = await CreateActiveAsync();
        var (before, etagBefore) = await GetWithEtagAsync(id);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Emulator.ChangeDbSystemOutOfBand(id, d => d with { DisplayName = d.DisplayName });
        var (after, etagAfter) = await GetWithEtagAsync(id);

        Assert.That(etagAfter, Is.EqualTo(etagBefore));
        Assert.That((string?)after["timeUpdated"], Is.EqualTo((string?)before["timeUpdated"]));
    }

    private static IEnumerable<TestCaseData> RejectedChanges()
    {
        yield return new TestCaseData((Func<EmulatedDbSystem, EmulatedDbSystem>)(d => d with { ShapeName = "MySQL.Huge" }), "MySQL.Huge").SetName("Change_UnknownShape_Rejected");
        yield return new TestCaseData((Func<EmulatedDbSystem, EmulatedDbSystem>)(d => d with { DataStorageSizeInGBs = 10 }), "between 50 and 131072").SetName("Change_StorageTooSmall_Rejected");
        yield return new TestCaseData((Func<EmulatedDbSystem, EmulatedDbSystem>)(d => d with { DisplayName = new string('n', 256) }), "at most 255").SetName("Change_DisplayNameTooLong_Rejected");
        yield return new TestCaseData((Func<EmulatedDbSystem, EmulatedDbSystem>)(d => d with { PortX = d.Port }), "must differ").SetName("Change_PortEqualsPortX_Rejected");
        yield return new TestCaseData((Func<EmulatedDbSystem, EmulatedDbSystem>)(d => d with { Id = "ocid1.mysqldbsystem.oc1.iad.other" }), "Id cannot be changed").SetName("Change_Id_Rejected");
        yield return new TestCaseData((Func<EmulatedDbSystem, EmulatedDbSystem>)(d => d with { LifecycleState = "FAILED" }), "SetLifecycleState").SetName("Change_LifecycleState_Rejected");
        yield return new TestCaseData((Func<EmulatedDbSystem, EmulatedDbSystem>)(d => d with { ETag = "0" }), "ETag cannot be changed").SetName("Change_ETag_Rejected");
    }

    [TestCaseSource(nameof(RejectedChanges))]
    public async Task ChangeDbSystemOutOfBand_Invalid_ArgumentExceptionAndNothingStored(Func<EmulatedDbSystem, EmulatedDbSystem> change, string messagePart)
    {
        var id = await CreateActiveAsync();
        var (_, etagBefore) = await GetWithEtagAsync(id);

        Assert.That(() => Emulator.ChangeDbSystemOutOfBand(id, change), Throws.ArgumentException.With.Message.Contains(messagePart));
        var (_, etagAfter) = await GetWithEtagAsync(id);

        Assert.That(etagAfter, Is.EqualTo(etagBefore));
    }

    [Test]
    public void OutOfBandSetters_UnknownId_ArgumentException()
    {
        const string missing = "ocid1.mysqldbsystem.oc1.iad.nope";

        Assert.That(() => Emulator.SetDisplayName(missing, "x"), Throws.ArgumentException.With.Message.Contains(missing));
        Assert.That(() => Emulator.SetDataStorageSize(missing, 100), Throws.ArgumentException);
        Assert.That(() => Emulator.ChangeDbSystemOutOfBand(missing, d => d), Throws.ArgumentException);
    }

    [Test]
    public async Task EmulatorSnapshot_AfterSetDefinedTags_CarriesDefinedTags()
    {
        var id = await CreateActiveAsync();

        Emulator.SetDefinedTags(id, new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Ops"] = new Dictionary<string, string> { ["Tier"] = "gold" } });
        var snapshot = Emulator.DbSystems.Single(d => d.Id == id);

        Assert.That(snapshot.DefinedTags["Ops"]["Tier"], Is.EqualTo("gold"));
    }
    [Test]
    public async Task SetDisplayName_DeletedSystem_InvalidOperation()
    {
        var id = await CreateActiveAsync();
        Emulator.DeleteDbSystemOutOfBand(id);

        Assert.That(() => Emulator.SetDisplayName(id, "too-late"), Throws.InvalidOperationException.With.Message.Contains("DELETED"));
        Assert.That(Emulator.DbSystems.Single(d => d.Id == id).DisplayName, Is.EqualTo("db1"));
    }
}
