using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Oci;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Mysql;

/// <summary>CREATING → ACTIVE → UPDATING → ACTIVE → DELETING → DELETED, driven by a FakeTimeProvider over real HTTP.</summary>
public sealed class DbSystemLifecycleTests
{
    private FakeTimeProvider _clock = null!;
    private EmulatorHarness _harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        _harness = await EmulatorHarness.StartAsync(new OciEmulatorOptions
        {
            TimeProvider = _clock,
            CreateDelay = TimeSpan.FromSeconds(30),
            UpdateDelay = TimeSpan.FromSeconds(10),
            DeleteDelay = TimeSpan.FromSeconds(20),
        });
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task Create_BeforeAndAfterCreateDelay_CreatingThenActive()
    {
        var (response, created) = await _harness.CreateAsync();
        var id = (string)created["id"]!;

        Assert.That((string?)created["lifecycleState"], Is.EqualTo("CREATING"));
        Assert.That(response.Headers.GetValues("opc-work-request-id").Single(), Does.StartWith("ocid1.mysqlworkrequest."));
        Assert.That(response.Headers.GetValues("etag").Single(), Has.Length.EqualTo(32));
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.That((string?)(await _harness.GetAsync(id))["lifecycleState"], Is.EqualTo("CREATING"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((string?)(await _harness.GetAsync(id))["lifecycleState"], Is.EqualTo("ACTIVE"));
    }

    [Test]
    public async Task Create_Response_AssignsPlacementNetworkAndNeverEchoesPassword()
    {
        var (_, created) = await _harness.CreateAsync();

        Assert.That((string?)created["ipAddress"], Does.Match(@"^10\.0\.\d+\.\d+$"));
        Assert.That((int?)created["port"], Is.EqualTo(3306));
        Assert.That((int?)created["portX"], Is.EqualTo(33060));
        Assert.That((string?)created["availabilityDomain"], Does.Match(@"^[A-Z][a-z]{3}:US-ASHBURN-AD-1$"));
        Assert.That((string?)created["faultDomain"], Does.Match("^FAULT-DOMAIN-[123]$"));
        Assert.That((string?)created["endpoints"]![0]!["ipAddress"], Is.EqualTo((string?)created["ipAddress"]));
        Assert.That((string?)created["freeformTags"]!["owner"], Is.EqualTo("test"));
        Assert.That(created.ToJsonString(), Does.Not.Contain("Passw0rd!"));
        Assert.That(created.ContainsKey("adminPassword"), Is.False);
    }

    [Test]
    public async Task Update_ActiveSystem_UpdatingThenActiveWithNewValues()
    {
        var id = await CreateActiveAsync();

        var update = await _harness.SendAsync(HttpMethod.Put, $"20190415/dbSystems/{id}", new JsonObject
        {
            ["displayName"] = "renamed",
            ["adminPassword"] = "N3w-Passw0rd",
        });

        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(update.Headers.Contains("opc-work-request-id"), Is.True);
        Assert.That((string?)(await _harness.GetAsync(id))["lifecycleState"], Is.EqualTo("UPDATING"));
        _clock.Advance(TimeSpan.FromSeconds(10));
        var active = await _harness.GetAsync(id);
        Assert.That((string?)active["lifecycleState"], Is.EqualTo("ACTIVE"));
        Assert.That((string?)active["displayName"], Is.EqualTo("renamed"));
        Assert.That(_harness.Emulator.DbSystems.Single().AdminPasswordChanges, Is.EqualTo(2));
    }

    [Test]
    public async Task Delete_ActiveSystem_DeletingThenDeleted()
    {
        var id = await CreateActiveAsync();

        var delete = await _harness.SendAsync(HttpMethod.Delete, $"20190415/dbSystems/{id}");

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((string?)(await _harness.GetAsync(id))["lifecycleState"], Is.EqualTo("DELETING"));
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.That((string?)(await _harness.GetAsync(id))["lifecycleState"], Is.EqualTo("DELETED"));
        var again = await _harness.SendAsync(HttpMethod.Delete, $"20190415/dbSystems/{id}");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task StopThenStart_ActiveSystem_InactiveThenActive()
    {
        var id = await CreateActiveAsync();

        var stop = await _harness.SendAsync(HttpMethod.Post, $"20190415/dbSystems/{id}/actions/stop", new JsonObject { ["shutdownType"] = "FAST" });
        var stopping = (string?)(await _harness.GetAsync(id))["lifecycleState"];
        _clock.Advance(TimeSpan.FromSeconds(10));
        var stopped = (string?)(await _harness.GetAsync(id))["lifecycleState"];
        var start = await _harness.SendAsync(HttpMethod.Post, $"20190415/dbSystems/{id}/actions/start");
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.That(stop.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((stopping, stopped), Is.EqualTo(("UPDATING", "INACTIVE")));
        Assert.That(start.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((string?)(await _harness.GetAsync(id))["lifecycleState"], Is.EqualTo("ACTIVE"));
    }

    [Test]
    public async Task Stop_WithoutShutdownType_400MissingParameter()
    {
        var id = await CreateActiveAsync();

        var stop = await _harness.SendAsync(HttpMethod.Post, $"20190415/dbSystems/{id}/actions/stop", new JsonObject());

        Assert.That(stop.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(stop))["code"], Is.EqualTo("MissingParameter"));
    }

    [Test]
    public async Task Start_ActiveSystem_409IncorrectState()
    {
        var id = await CreateActiveAsync();

        var start = await _harness.SendAsync(HttpMethod.Post, $"20190415/dbSystems/{id}/actions/start");

        Assert.That(start.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Update_WhileCreating_Conflict409IncorrectState()
    {
        var (_, created) = await _harness.CreateAsync();

        var update = await _harness.SendAsync(HttpMethod.Put, $"20190415/dbSystems/{created["id"]}", new JsonObject { ["displayName"] = "x" });

        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(update))["code"], Is.EqualTo("IncorrectState"));
    }

    [Test]
    public async Task Delete_WhileCreating_Conflict409IncorrectState()
    {
        var (_, created) = await _harness.CreateAsync();

        var delete = await _harness.SendAsync(HttpMethod.Delete, $"20190415/dbSystems/{created["id"]}");

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(delete))["code"], Is.EqualTo("IncorrectState"));
    }

    [Test]
    public async Task Delete_DeleteProtected_Conflict()
    {
        var body = EmulatorHarness.ValidCreateBody();
        body["deletionPolicy"] = new JsonObject { ["isDeleteProtected"] = true };
        var (_, created) = await _harness.CreateAsync(body);
        _clock.Advance(TimeSpan.FromSeconds(30));

        var delete = await _harness.SendAsync(HttpMethod.Delete, $"20190415/dbSystems/{created["id"]}");

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((bool?)(await _harness.GetAsync((string)created["id"]!))["deletionPolicy"]!["isDeleteProtected"], Is.True);
    }

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task AnyOperation_UnknownId_404NotAuthorizedOrNotFound(string method)
    {
        var response = await _harness.SendAsync(
            new HttpMethod(method), "20190415/dbSystems/ocid1.mysqldbsystem.oc1.iad.nope", method == "PUT" ? new JsonObject { ["displayName"] = "x" } : null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(response))["code"], Is.EqualTo("NotAuthorizedOrNotFound"));
        Assert.That(response.Headers.GetValues("opc-request-id").Single(), Is.Not.Empty);
    }

    [Test]
    public async Task GetWorkRequest_AfterCreate_InProgressThenSucceededWithResource()
    {
        var (response, created) = await _harness.CreateAsync();
        var workRequestId = response.Headers.GetValues("opc-work-request-id").Single();

        var running = await GetJsonAsync($"20190415/workRequests/{workRequestId}");
        _clock.Advance(TimeSpan.FromSeconds(30));
        var done = await GetJsonAsync($"20190415/workRequests/{workRequestId}");
        var logs = await GetJsonAsync($"20190415/workRequests/{workRequestId}/logs");
        var errors = await GetJsonAsync($"20190415/workRequests/{workRequestId}/errors");

        Assert.That((string?)running["status"], Is.EqualTo("IN_PROGRESS"));
        Assert.That((string?)running["operationType"], Is.EqualTo("CREATE_DBSYSTEM"));
        Assert.That((string?)done["status"], Is.EqualTo("SUCCEEDED"));
        Assert.That((double?)done["percentComplete"], Is.EqualTo(100.0));
        Assert.That((string?)done["resources"]![0]!["identifier"], Is.EqualTo((string?)created["id"]));
        Assert.That((string?)done["resources"]![0]!["actionType"], Is.EqualTo("CREATED"));
        Assert.That(logs.AsArray().Count, Is.EqualTo(3));
        Assert.That(errors.AsArray(), Is.Empty);
    }

    [Test]
    public async Task GetWorkRequest_IfNoneMatch_304UntilProgressChanges()
    {
        var (response, _) = await _harness.CreateAsync();
        var path = $"20190415/workRequests/{response.Headers.GetValues("opc-work-request-id").Single()}";
        var etag = (await _harness.SendAsync(HttpMethod.Get, path)).Headers.GetValues("etag").Single();

        var unchanged = await _harness.SendAsync(HttpMethod.Get, path, configure: r => r.Headers.TryAddWithoutValidation("if-none-match", etag));
        _clock.Advance(TimeSpan.FromSeconds(30));
        var changed = await _harness.SendAsync(HttpMethod.Get, path, configure: r => r.Headers.TryAddWithoutValidation("if-none-match", etag));

        Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SetLifecycleStateOutOfBand_DuringCreate_WorkRequestFailedWithError()
    {
        var (response, created) = await _harness.CreateAsync();
        var workRequestId = response.Headers.GetValues("opc-work-request-id").Single();

        _harness.Emulator.SetLifecycleState((string)created["id"]!, "FAILED");

        Assert.That((string?)(await GetJsonAsync($"20190415/workRequests/{workRequestId}"))["status"], Is.EqualTo("FAILED"));
        Assert.That((await GetJsonAsync($"20190415/workRequests/{workRequestId}/errors")).AsArray(), Has.Count.EqualTo(1));
        Assert.That((string?)(await _harness.GetAsync((string)created["id"]!))["lifecycleState"], Is.EqualTo("FAILED"));
    }

    [Test]
    public async Task OutOfBandMutations_VersionIpAndDeletion_VisibleOnGet()
    {
        var id = await CreateActiveAsync();

        _harness.Emulator.SetMysqlVersion(id, "9.3.0");
        _harness.Emulator.SetIpAddress(id, "10.0.9.9");
        var changed = await _harness.GetAsync(id);
        _harness.Emulator.DeleteDbSystemOutOfBand(id);
        var deleted = await _harness.GetAsync(id);

        Assert.That((string?)changed["mysqlVersion"], Is.EqualTo("9.3.0"));
        Assert.That((string?)changed["ipAddress"], Is.EqualTo("10.0.9.9"));
        Assert.That((string?)changed["endpoints"]![0]!["ipAddress"], Is.EqualTo("10.0.9.9"));
        Assert.That((string?)deleted["lifecycleState"], Is.EqualTo("DELETED"));
        Assert.That(() => _harness.Emulator.SetIpAddress("ocid1.mysqldbsystem.oc1.iad.nope", "10.0.0.1"), Throws.ArgumentException);
    }

    private async Task<string> CreateActiveAsync()
    {
        var (_, created) = await _harness.CreateAsync();
        _clock.Advance(TimeSpan.FromSeconds(30));
        var id = (string)created["id"]!;
        Assert.That((string?)(await _harness.GetAsync(id))["lifecycleState"], Is.EqualTo("ACTIVE"));
        return id;
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await _harness.SendAsync(HttpMethod.Get, path);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }
}
