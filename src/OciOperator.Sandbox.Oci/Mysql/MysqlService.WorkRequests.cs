using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Oci.Hosting;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>GetWorkRequest, ListWorkRequests, ListWorkRequestErrors, ListWorkRequestLogs.</summary>
internal sealed partial class MysqlService
{
    private static readonly IReadOnlySet<string> WorkRequestSortFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "ID", "OPERATION_TYPE", "STATUS", "TIME_ACCEPTED", "TIME_STARTED", "TIME_FINISHED",
    };

    public OciResponse GetWorkRequest(string id, string? ifNoneMatch)
    {
        lock (_gate)
        {
            Advance();
            if (!_workRequests.TryGetValue(id, out var workRequest))
            {
                return OciResponse.NotFound($"Work request {id}");
            }

            var etag = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes($"{workRequest.Id}:{workRequest.Status}:{workRequest.PercentComplete(Time.GetUtcNow())}")))[..32];
            if (ifNoneMatch is not null && EtagMatches(ifNoneMatch, etag))
            {
                return new OciResponse(304, null, [OciResponse.Header("etag", etag)]);
            }

            var headers = new List<KeyValuePair<string, string>> { OciResponse.Header("etag", etag) };
            if (!workRequest.IsFinished)
            {
                headers.Add(OciResponse.Header("retry-after", "1"));
            }

            return new OciResponse(200, MysqlJson.WorkRequest(workRequest, Time.GetUtcNow(), withResources: true), headers);
        }
    }

    public OciResponse ListWorkRequests(IQueryCollection query)
    {
        if (!query.TryGetValue("compartmentId", out var compartmentId) || string.IsNullOrEmpty(compartmentId))
        {
            return OciResponse.Missing("compartmentId");
        }

        var problem = ParseEnum(query, "sortBy", WorkRequestSortFields)
                      ?? ParseEnum(query, "sortOrder", new HashSet<string>(StringComparer.Ordinal) { "ASC", "DESC" });
        if (problem is not null)
        {
            return OciResponse.Invalid(problem);
        }

        if (!options.Compartments.Contains(compartmentId.ToString()))
        {
            return OciResponse.CompartmentNotFound();
        }

        lock (_gate)
        {
            Advance();
            var now = Time.GetUtcNow();
            IEnumerable<WorkRequestRecord> matches = _workRequestOrder.Where(w => w.CompartmentId == compartmentId.ToString());
            Func<WorkRequestRecord, string> key = query["sortBy"].ToString() switch
            {
                "ID" => w => w.Id,
                "OPERATION_TYPE" => w => w.OperationType,
                "STATUS" => w => w.Status,
                "TIME_FINISHED" => w => w.TimeFinished is { } f ? MysqlJson.Time(f) : string.Empty,
                _ => w => MysqlJson.Time(w.TimeAccepted),
            };
            matches = query["sortOrder"].ToString() == "DESC"
                ? matches.OrderByDescending(key, StringComparer.Ordinal)
                : matches.OrderBy(key, StringComparer.Ordinal);
            var pageProblem = Paging.TryPage(matches.ToList(), query, out var page, out var nextPage);
            return pageProblem ?? ListResponse(
                new JsonArray([.. page.Select(w => (JsonNode)MysqlJson.WorkRequest(w, now, withResources: false))]), nextPage);
        }
    }

    public OciResponse ListWorkRequestErrors(string id, IQueryCollection query)
    {
        lock (_gate)
        {
            Advance();
            if (!_workRequests.TryGetValue(id, out var workRequest))
            {
                return OciResponse.NotFound($"Work request {id}");
            }

            var problem = Paging.TryPage(workRequest.Errors, query, out var page, out var nextPage);
            return problem ?? ListResponse(
                new JsonArray([.. page.Select(e => (JsonNode)new JsonObject
                {
                    ["code"] = e.Code, ["message"] = e.Message, ["timestamp"] = MysqlJson.Time(e.Timestamp),
                })]),
                nextPage);
        }
    }

    public OciResponse ListWorkRequestLogs(string id, IQueryCollection query)
    {
        lock (_gate)
        {
            Advance();
            if (!_workRequests.TryGetValue(id, out var workRequest))
            {
                return OciResponse.NotFound($"Work request {id}");
            }

            var problem = Paging.TryPage(workRequest.Logs, query, out var page, out var nextPage);
            return problem ?? ListResponse(
                new JsonArray([.. page.Select(l => (JsonNode)new JsonObject { ["message"] = l.Message, ["timestamp"] = MysqlJson.Time(l.Timestamp) })]),
                nextPage);
        }
    }
}
