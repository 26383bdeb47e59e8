using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Oci.Hosting;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>ListDbSystems with every filter of the 20190415 API, sorting and pagination.</summary>
internal sealed partial class MysqlService
{
    public OciResponse ListDbSystems(IQueryCollection query)
    {
        if (!query.TryGetValue("compartmentId", out var compartmentId) || string.IsNullOrEmpty(compartmentId))
        {
            return OciResponse.Missing("compartmentId");
        }

        var problem = ParseBool(query, "isHeatWaveClusterAttached", out var heatWave);
        var upToDateProblem = ParseBool(query, "isUpToDate", out var upToDate);
        problem ??= upToDateProblem;
        problem ??= ParseEnum(query, "lifecycleState", MysqlCatalog.LifecycleStates);
        problem ??= ParseEnum(query, "sortBy", new HashSet<string>(StringComparer.Ordinal) { "displayName", "timeCreated" });
        problem ??= ParseEnum(query, "sortOrder", new HashSet<string>(StringComparer.Ordinal) { "ASC", "DESC" });
        if (problem is null && query.TryGetValue("databaseManagement", out var management) &&
            management.Any(m => m is not ("ENABLED" or "DISABLED")))
        {
            problem = "The parameter 'databaseManagement' must be ENABLED or DISABLED.";
        }

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
            IEnumerable<DbSystemRecord> matches = _dbSystems.Where(d => d.CompartmentId == compartmentId.ToString());
            if (query.TryGetValue("dbSystemId", out var id))
            {
                matches = matches.Where(d => d.Id == id.ToString());
            }

            if (query.TryGetValue("displayName", out var displayName))
            {
                matches = matches.Where(d => d.DisplayName == displayName.ToString());
            }

            if (query.TryGetValue("lifecycleState", out var state))
            {
                matches = matches.Where(d => d.LifecycleState == state.ToString());
            }

            if (query.TryGetValue("configurationId", out var configurationId))
            {
                matches = matches.Where(d => d.ConfigurationId == configurationId.ToString());
            }

            if (heatWave is { } attached)
            {
                matches = matches.Where(_ => !attached);
            }

            if (upToDate is { } wantUpToDate)
            {
                matches = matches.Where(d => MysqlCatalog.IsUpToDate(d.MysqlVersion) == wantUpToDate);
            }

            if (query.TryGetValue("databaseManagement", out var managementValues))
            {
                matches = matches.Where(d => managementValues.Contains(MysqlJson.DatabaseManagement(d)));
            }

            var sorted = Sort(matches, query["sortBy"].ToString(), query["sortOrder"].ToString()).ToList();
            var pageProblem = Paging.TryPage(sorted, query, out var page, out var nextPage);
            return pageProblem ?? ListResponse(new JsonArray([.. page.Select(d => (JsonNode)MysqlJson.Summary(d))]), nextPage);
        }
    }

    internal static OciResponse ListResponse(JsonArray items, string? nextPage) =>
        nextPage is null ? OciResponse.Ok(items) : OciResponse.Ok(items, OciResponse.Header("opc-next-page", nextPage));

    private static IEnumerable<DbSystemRecord> Sort(IEnumerable<DbSystemRecord> items, string sortBy, string sortOrder)
    {
        var byName = sortBy == "displayName";
        // OCI's default: timeCreated descending, displayName ascending.
        var descending = sortOrder.Length == 0 ? !byName : sortOrder == "DESC";
        return (byName, descending) switch
        {
            (true, false) => items.OrderBy(d => d.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.TimeCreated),
            (true, true) => items.OrderByDescending(d => d.DisplayName, StringComparer.OrdinalIgnoreCase).ThenByDescending(d => d.TimeCreated),
            (false, false) => items.OrderBy(d => d.TimeCreated).ThenBy(d => d.Id, StringComparer.Ordinal),
            _ => items.OrderByDescending(d => d.TimeCreated).ThenByDescending(d => d.Id, StringComparer.Ordinal),
        };
    }

    private static string? ParseBool(IQueryCollection query, string name, out bool? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (!bool.TryParse(text.ToString(), out var parsed))
        {
            return $"The parameter '{name}' must be true or false.";
        }

        value = parsed;
        return null;
    }

    private static string? ParseEnum(IQueryCollection query, string name, IReadOnlySet<string> allowed) =>
        query.TryGetValue(name, out var text) && !allowed.Contains(text.ToString())
            ? $"The parameter '{name}' must be one of {string.Join(", ", allowed)}."
            : null;
}
