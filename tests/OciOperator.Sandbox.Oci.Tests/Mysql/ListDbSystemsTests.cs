using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Mysql;

/// <summary>ListDbSystems filters, sorting and opc-next-page pagination; ListWorkRequests.</summary>
public sealed class ListDbSystemsTests
{
    private const string OtherCompartment = "ocid1.compartment.oc1..aaaaother";
    private EmulatorHarness _harness = null!;
    private readonly List<string> _ids = [];

    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _harness = await EmulatorHarness.StartAsync();
        _harness.Emulator.AddCompartment(OtherCompartment);
        foreach (var name in new[] { "charlie", "alpha", "echo", "bravo", "delta" })
        {
            var (_, created) = await _harness.CreateAsync(EmulatorHarness.ValidCreateBody(name));
            _ids.Add((string)created["id"]!);
        }

        var other = EmulatorHarness.ValidCreateBody("alpha");
        other["compartmentId"] = OtherCompartment;
        other["mysqlVersion"] = "8.0.40";
        await _harness.CreateAsync(other);
        _harness.Emulator.SetLifecycleState(_ids[4], "INACTIVE");
    }

    [OneTimeTearDown]
    public async Task OneTimeTearDown() => await _harness.DisposeAsync();

    private static IEnumerable<TestCaseData> Filters()
    {
        yield return new TestCaseData("", new[] { "delta", "bravo", "echo", "alpha", "charlie" }).SetArgDisplayNames("default timeCreated DESC");
        yield return new TestCaseData("&sortBy=displayName", new[] { "alpha", "bravo", "charlie", "delta", "echo" }).SetArgDisplayNames("displayName ASC");
        yield return new TestCaseData("&sortBy=displayName&sortOrder=DESC", new[] { "echo", "delta", "charlie", "bravo", "alpha" }).SetArgDisplayNames("displayName DESC");
        yield return new TestCaseData("&sortBy=timeCreated&sortOrder=ASC", new[] { "charlie", "alpha", "echo", "bravo", "delta" }).SetArgDisplayNames("timeCreated ASC");
        yield return new TestCaseData("&displayName=echo", new[] { "echo" }).SetArgDisplayNames("displayName exact");
        yield return new TestCaseData("&displayName=ech", Array.Empty<string>()).SetArgDisplayNames("displayName prefix no match");
        yield return new TestCaseData("&lifecycleState=INACTIVE", new[] { "delta" }).SetArgDisplayNames("lifecycleState");
        yield return new TestCaseData("&isHeatWaveClusterAttached=true", Array.Empty<string>()).SetArgDisplayNames("heatwave attached");
        yield return new TestCaseData("&isUpToDate=true&sortBy=displayName", new[] { "alpha", "bravo", "charlie", "delta", "echo" }).SetArgDisplayNames("up to date");
        yield return new TestCaseData("&databaseManagement=ENABLED", Array.Empty<string>()).SetArgDisplayNames("databaseManagement");
    }

    [TestCaseSource(nameof(Filters))]
    public async Task List_Filter_ReturnsMatchingInOrder(string query, string[] expectedNames)
    {
        var items = await ListAsync($"compartmentId={EmulatorHarness.CompartmentId}{query}");

        Assert.That(items.Select(i => (string?)i!["displayName"]), Is.EqualTo(expectedNames));
    }

    [Test]
    public async Task List_ByDbSystemId_ReturnsThatOne()
    {
        var items = await ListAsync($"compartmentId={EmulatorHarness.CompartmentId}&dbSystemId={_ids[2]}");

        Assert.That(items.Select(i => (string?)i!["id"]), Is.EqualTo(new[] { _ids[2] }));
    }

    [Test]
    public async Task List_OtherCompartmentNotUpToDate_Found()
    {
        var items = await ListAsync($"compartmentId={OtherCompartment}&isUpToDate=false");

        Assert.That(items.Select(i => (string?)i!["mysqlVersion"]), Is.EqualTo(new[] { "8.0.40" }));
    }

    [Test]
    public async Task List_Limit2_PagesThroughAllWithNextPage()
    {
        var names = new List<string?>();
        string? page = null;
        var pages = 0;
        do
        {
            var response = await _harness.SendAsync(HttpMethod.Get,
                $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}&sortBy=displayName&limit=2" + (page is null ? "" : $"&page={Uri.EscapeDataString(page)}"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            names.AddRange((await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(i => (string?)i!["displayName"]));
            page = response.Headers.TryGetValues("opc-next-page", out var next) ? next.Single() : null;
            pages++;
        }
        while (page is not null && pages < 10);

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(names, Is.EqualTo(new[] { "alpha", "bravo", "charlie", "delta", "echo" }));
    }

    [TestCase("", "MissingParameter")]
    [TestCase("compartmentId=ocid1.compartment.oc1..aaaatestcompartment&limit=0", "InvalidParameter")]
    [TestCase("compartmentId=ocid1.compartment.oc1..aaaatestcompartment&limit=abc", "InvalidParameter")]
    [TestCase("compartmentId=ocid1.compartment.oc1..aaaatestcompartment&page=garbage", "InvalidParameter")]
    [TestCase("compartmentId=ocid1.compartment.oc1..aaaatestcompartment&lifecycleState=RUNNING", "InvalidParameter")]
    [TestCase("compartmentId=ocid1.compartment.oc1..aaaatestcompartment&sortBy=size", "InvalidParameter")]
    [TestCase("compartmentId=ocid1.compartment.oc1..aaaatestcompartment&isUpToDate=maybe", "InvalidParameter")]
    public async Task List_BadQuery_400(string query, string code)
    {
        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(response))["code"], Is.EqualTo(code));
    }

    [TestCase("dbSystems")]
    [TestCase("workRequests")]
    public async Task List_CompartmentThatDoesNotExist_404NotAuthorizedOrNotFound(string collection)
    {
        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/{collection}?compartmentId=ocid1.compartment.oc1..aaaanosuchcompartment");
        var error = await EmulatorHarness.ErrorOf(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)error["code"], Is.EqualTo("NotAuthorizedOrNotFound"));
        Assert.That((string?)error["message"], Is.EqualTo("Authorization failed or requested resource not found"));
    }

    [Test]
    public async Task ListWorkRequests_Compartment_OnePerOperation()
    {
        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/workRequests?compartmentId={EmulatorHarness.CompartmentId}");
        var items = (await response.Content.ReadFromJsonAsync<JsonArray>())!;

        Assert.That(items.Select(i => (string?)i!["operationType"]), Is.EqualTo(Enumerable.Repeat("CREATE_DBSYSTEM", 5)));
        Assert.That(items.All(i => i!["resources"] is null), Is.True);
    }

    private async Task<JsonArray> ListAsync(string query)
    {
        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Contains("opc-next-page"), Is.False);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }
}
