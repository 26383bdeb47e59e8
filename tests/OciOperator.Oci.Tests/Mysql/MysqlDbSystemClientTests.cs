using System.Net;
using System.Text;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Tests.Support;

namespace OciOperator.Oci.Tests.Mysql;

public sealed class MysqlDbSystemClientTests
{
    private static MysqlDbSystemClient Client(ScriptedHandler handler) => PipelineFactory.Client(handler, PipelineFactory.NoDelays(), TimeProvider.System);

    [Test]
    public async Task ListAll_EveryFilterAndPaging_SendsQueryAndFollowsNextPage()
    {
        var handler = new ScriptedHandler((i, _) => i == 0
            ? ScriptedHandler.Json(HttpStatusCode.OK, """[{"id":"a","lifecycleState":"ACTIVE"}]""", ("opc-next-page", "p/2=="))
            : ScriptedHandler.Json(HttpStatusCode.OK, """[{"id":"b","lifecycleState":"DELETED"}]"""));
        var request = new ListDbSystemsRequest("ocid1.compartment.oc1..c")
        {
            IsHeatWaveClusterAttached = false,
            DbSystemId = "ocid1.mysqldbsystem.oc1..d",
            DisplayName = "my db/one",
            LifecycleState = DbSystemLifecycleState.Active,
            ConfigurationId = "cfg",
            IsUpToDate = true,
            DatabaseManagement = [EnabledState.Enabled, EnabledState.Disabled],
            SortBy = DbSystemSortBy.TimeCreated,
            SortOrder = SortOrder.Desc,
            Limit = 1,
        };

        var all = await Client(handler).ListAllDbSystemsAsync(request, CancellationToken.None);

        Assert.That(all.Select(d => d.Id), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(handler.Requests[0].Uri.PathAndQuery, Is.EqualTo(
            "/20190415/dbSystems?compartmentId=ocid1.compartment.oc1..c&isHeatWaveClusterAttached=false&dbSystemId=ocid1.mysqldbsystem.oc1..d"
            + "&displayName=my%20db%2Fone&lifecycleState=ACTIVE&configurationId=cfg&isUpToDate=true&databaseManagement=ENABLED&databaseManagement=DISABLED"
            + "&sortBy=timeCreated&sortOrder=DESC&limit=1"));
        Assert.That(handler.Requests[1].Uri.Query, Does.EndWith("&limit=1&page=p%2F2%3D%3D"));
    }

    [Test]
    public async Task Get_IfNoneMatchAnswered304_ReportsNotModified()
    {
        var handler = new ScriptedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NotModified));

        var result = await Client(handler).GetDbSystemAsync("ocid1.mysqldbsystem.oc1..d", "etag-1", CancellationToken.None);

        Assert.That(result.NotModified, Is.True);
        Assert.That(result.DbSystem, Is.Null);
        Assert.That(handler.Requests[0].Header("if-none-match"), Is.EqualTo("etag-1"));
        Assert.That(handler.Requests[0].Uri.AbsolutePath, Is.EqualTo("/20190415/dbSystems/ocid1.mysqldbsystem.oc1..d"));
    }

    [Test]
    public async Task Get_Found_ReturnsModelAndEtag()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.OK, MysqlSamples.DbSystem, ("etag", "\"e2\""), ("opc-request-id", "r1")));

        var result = await Client(handler).GetDbSystemAsync("ocid1.mysqldbsystem.oc1.iad.aaaa", null, CancellationToken.None);

        Assert.That(result.DbSystem!.Endpoints![0].IpAddress, Is.EqualTo("10.0.1.5"));
        Assert.That(result.ETag, Is.EqualTo("\"e2\""));
        Assert.That(result.OpcRequestId, Is.EqualTo("r1"));
        Assert.That(handler.Requests[0].Header("if-none-match"), Is.Null);
    }

    [Test]
    public async Task Update_WithIfMatch_PutsOnlySetFields()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.Accepted, string.Empty, ("opc-work-request-id", "wr-9"), ("opc-request-id", "r9")));

        var result = await Client(handler).UpdateDbSystemAsync("ocid1.mysqldbsystem.oc1..d", new UpdateDbSystemDetails { DataStorageSizeInGBs = 100 }, "etag-3", CancellationToken.None);

        var sent = handler.Requests[0];
        Assert.That(sent.Method, Is.EqualTo("PUT"));
        Assert.That(sent.Header("if-match"), Is.EqualTo("etag-3"));
        Assert.That(Encoding.UTF8.GetString(sent.Body!), Is.EqualTo("""{"dataStorageSizeInGBs":100}"""));
        Assert.That(sent.Header("x-content-sha256"), Is.Not.Null);
        Assert.That(result, Is.EqualTo(new OciOperationResult("r9", "wr-9")));
    }

    [Test]
    public async Task Delete_WithoutIfMatch_SendsNoIfMatch()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.Accepted, string.Empty, ("opc-work-request-id", "wr-d")));

        var result = await Client(handler).DeleteDbSystemAsync("ocid1.mysqldbsystem.oc1..d", null, CancellationToken.None);

        Assert.That(handler.Requests[0].Method, Is.EqualTo("DELETE"));
        Assert.That(handler.Requests[0].Header("if-match"), Is.Null);
        Assert.That(result.OpcWorkRequestId, Is.EqualTo("wr-d"));
    }

    [Test]
    public async Task WorkRequest_GetErrorsLogs_HitTheirPathsAndParse()
    {
        var handler = new ScriptedHandler((_, r) => r.RequestUri!.AbsolutePath switch
        {
            var p when p.EndsWith("/errors", StringComparison.Ordinal) => ScriptedHandler.Json(HttpStatusCode.OK, MysqlSamples.WorkRequestErrors, ("opc-next-page", "n2")),
            var p when p.EndsWith("/logs", StringComparison.Ordinal) => ScriptedHandler.Json(HttpStatusCode.OK, MysqlSamples.WorkRequestLogs),
            _ => ScriptedHandler.Json(HttpStatusCode.OK, MysqlSamples.WorkRequest, ("retry-after", "5")),
        });
        var client = Client(handler);

        var wr = await client.GetWorkRequestAsync("wr1", CancellationToken.None);
        var errors = await client.ListWorkRequestErrorsAsync("wr1", 10, "p1", CancellationToken.None);
        var logs = await client.ListWorkRequestLogsAsync("wr1", null, null, CancellationToken.None);

        Assert.That(wr.Value.Status, Is.EqualTo(WorkRequestStatus.InProgress));
        Assert.That(wr.Value.PercentComplete, Is.EqualTo(42.5f));
        Assert.That(wr.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(errors.Items[0].Code, Is.EqualTo("InternalError"));
        Assert.That(errors.NextPage, Is.EqualTo("n2"));
        Assert.That(logs.Items[0].Message, Is.EqualTo("Creating"));
        Assert.That(handler.Requests.Select(r => r.Uri.PathAndQuery), Is.EqualTo(new[]
        {
            "/20190415/workRequests/wr1", "/20190415/workRequests/wr1/errors?limit=10&page=p1", "/20190415/workRequests/wr1/logs",
        }));
    }

    [Test]
    public async Task Get_GarbageBody_ClearError()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{\"id\": [1,"));

        var ex = await Assert.ThrowsAsync<OciOperator.Oci.Http.OciServiceException>(() => Client(handler).GetDbSystemAsync("d", null, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("not a valid DbSystem"));
    }

    [Test]
    public async Task Get_EmptyId_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client(new ScriptedHandler((_, _) => new HttpResponseMessage())).GetDbSystemAsync(" ", null, CancellationToken.None));
    }
}
