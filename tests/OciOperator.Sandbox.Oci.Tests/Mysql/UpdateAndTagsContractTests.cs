using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Oci;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Mysql;

/// <summary>What the DbSystem controller relies on: shape and password validation on update, password-free logs, tag round trips.</summary>
public sealed class UpdateAndTagsContractTests
{
    private CapturingLoggerProvider _logs = null!;
    private ILoggerFactory _loggerFactory = null!;
    private EmulatorHarness _harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        _logs = new CapturingLoggerProvider();
        _loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _harness = await EmulatorHarness.StartAsync(new OciEmulatorOptions
        {
            LoggerFactory = _loggerFactory, CreateDelay = TimeSpan.Zero, UpdateDelay = TimeSpan.Zero, DeleteDelay = TimeSpan.Zero,
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _harness.DisposeAsync();
        _loggerFactory.Dispose();
        _logs.Dispose();
    }

    private async Task<string> CreateAsync(JsonObject? body = null)
    {
        var (_, created) = await _harness.CreateAsync(body);
        return (string)created["id"]!;
    }

    private Task<HttpResponseMessage> UpdateAsync(string id, JsonObject body) => _harness.SendAsync(HttpMethod.Put, $"20190415/dbSystems/{id}", body);

    [Test]
    public async Task Update_UnknownShape_400InvalidParameterNamingShape()
    {
        var id = await CreateAsync();

        var response = await UpdateAsync(id, new JsonObject { ["shapeName"] = "MySQL.Imaginary.99" });
        var error = await EmulatorHarness.ErrorOf(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)error["code"], Is.EqualTo("InvalidParameter"));
        Assert.That((string?)error["message"], Does.Contain("MySQL.Imaginary.99"));
        Assert.That(_harness.Emulator.DbSystems.Single().ShapeName, Is.EqualTo("MySQL.2"));
    }

    [TestCase("Sh0rt!", TestName = "Update_PasswordTooShort_400WithoutPassword")]
    [TestCase("NoSpecials1234", TestName = "Update_PasswordWithoutSpecial_400WithoutPassword")]
    [TestCase("Xadmin-2024!", TestName = "Update_PasswordContainingUsername_400WithoutPassword")]
    public async Task Update_WeakPassword_400InvalidParameterWithoutPassword(string password)
    {
        var id = await CreateAsync();

        var response = await UpdateAsync(id, new JsonObject { ["adminPassword"] = password });
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)JsonNode.Parse(text)!["code"], Is.EqualTo("InvalidParameter"));
        Assert.That(text, Does.Not.Contain(password));
        Assert.That(_logs.Messages, Has.None.Contains(password));
        Assert.That(_harness.Emulator.DbSystems.Single().AdminPasswordChanges, Is.EqualTo(1));
    }

    [Test]
    public async Task Update_StrongAdminPassword_AcceptedAndNeverInCallLogLogsOrState()
    {
        const string password = "Str0ng#Rotated-Pass";
        var id = await CreateAsync();

        var response = await UpdateAsync(id, new JsonObject { ["adminPassword"] = password });
        var get = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var call = _harness.Emulator.Calls.All.Last(c => c.Operation == "UpdateDbSystem");
        Assert.That(call.Status, Is.EqualTo(202));
        Assert.That(_harness.Emulator.Calls.All.Select(c => c.ToString()), Has.None.Contains(password));
        Assert.That(_logs.Messages, Has.None.Contains(password));
        Assert.That(_logs.Messages, Is.Not.Empty);
        Assert.That(await get.Content.ReadAsStringAsync(), Does.Not.Contain(password));
        Assert.That(_harness.Emulator.DbSystems.Single().ToString(), Does.Not.Contain(password));
        Assert.That(_harness.Emulator.DbSystems.Single().AdminPasswordChanges, Is.EqualTo(2));
    }

    [Test]
    public async Task FreeformTags_CreateThenGetAndList_RoundTrip()
    {
        var body = EmulatorHarness.ValidCreateBody("tagged");
        body["freeformTags"] = new JsonObject { ["app"] = "orders", ["managed-by"] = "oci-operator", ["empty"] = "" };
        var expected = body["freeformTags"]!.DeepClone();

        var id = await CreateAsync(body);
        var got = await _harness.GetAsync(id);
        var listed = (await (await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}"))
            .Content.ReadFromJsonAsync<JsonArray>())!.Single(s => (string?)s!["id"] == id)!;

        Assert.That(JsonNode.DeepEquals(got["freeformTags"], expected), Is.True, got["freeformTags"]?.ToJsonString());
        Assert.That(JsonNode.DeepEquals(listed["freeformTags"], expected), Is.True, listed["freeformTags"]?.ToJsonString());
    }

    [Test]
    public async Task FreeformTags_UpdateReplacesWholeMap()
    {
        var id = await CreateAsync();

        var response = await UpdateAsync(id, new JsonObject { ["freeformTags"] = new JsonObject { ["new"] = "only" } });
        var got = await _harness.GetAsync(id);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(JsonNode.DeepEquals(got["freeformTags"], new JsonObject { ["new"] = "only" }), Is.True, got["freeformTags"]?.ToJsonString());
    }

    [Test]
    public async Task ListDbSystems_FreeformTagQuery_NotAFilterOfTheRealApi()
    {
        await CreateAsync(EmulatorHarness.ValidCreateBody("a"));
        await CreateAsync(EmulatorHarness.ValidCreateBody("b"));

        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}&freeformTag=owner:nobody");
        var items = (await response.Content.ReadFromJsonAsync<JsonArray>())!;

        // The 20190415 ListDbSystems has no tag filter (reference oci.md): unknown query parameters are ignored, callers filter client-side.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(items, Has.Count.EqualTo(2));
    }
}
