using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OciOperator.Oci.Http;

namespace OciOperator.Oci.Mysql;

/// <summary>The MySQL 20190415 client over an <see cref="OciHttpPipeline"/> whose endpoint ends in <c>/20190415</c>.</summary>
public sealed class MysqlDbSystemClient(OciHttpPipeline pipeline) : IMysqlDbSystemClient
{
    private const string RetryTokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The endpoint (including the base path).</summary>
    public ValueTask<Uri> GetEndpointAsync(CancellationToken ct) => pipeline.GetEndpointAsync(ct);

    /// <summary>A fresh opc-retry-token: 32 characters from [A-Za-z0-9], like the Go SDK.</summary>
    public static string NewRetryToken() => RandomNumberGenerator.GetString(RetryTokenAlphabet, 32);

    /// <inheritdoc />
    public async Task<OciResult<DbSystem>> CreateDbSystemAsync(CreateDbSystemDetails details, string? retryToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = new OciRequest("CreateDbSystem", HttpMethod.Post, "dbSystems")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(details, MysqlJsonContext.Default.CreateDbSystemDetails),
            Headers = [new("opc-retry-token", retryToken ?? NewRetryToken())],
            Secrets = details.AdminPassword is { } p ? [new OciSecret("adminPassword", p)] : [],
        };
        var response = await pipeline.SendAsync(request, ct).ConfigureAwait(false);
        return new OciResult<DbSystem>(Deserialize(response, MysqlJsonContext.Default.DbSystem), response.ETag, response.OpcRequestId, response.OpcWorkRequestId);
    }

    /// <inheritdoc />
    public async Task<GetDbSystemResult> GetDbSystemAsync(string dbSystemId, string? ifNoneMatch, CancellationToken ct)
    {
        var request = new OciRequest("GetDbSystem", HttpMethod.Get, "dbSystems/" + Id(dbSystemId))
        {
            Headers = ifNoneMatch is null ? [] : [new("if-none-match", ifNoneMatch)],
            ExtraSuccessCodes = [304],
        };
        var response = await pipeline.SendAsync(request, ct).ConfigureAwait(false);
        return response.Status == HttpStatusCode.NotModified
            ? new GetDbSystemResult(null, true, response.ETag ?? ifNoneMatch, response.OpcRequestId)
            : new GetDbSystemResult(Deserialize(response, MysqlJsonContext.Default.DbSystem), false, response.ETag, response.OpcRequestId);
    }

    /// <inheritdoc />
    public async Task<OciOperationResult> UpdateDbSystemAsync(string dbSystemId, UpdateDbSystemDetails details, string? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = new OciRequest("UpdateDbSystem", HttpMethod.Put, "dbSystems/" + Id(dbSystemId))
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(details, MysqlJsonContext.Default.UpdateDbSystemDetails),
            Headers = ifMatch is null ? [] : [new("if-match", ifMatch)],
            Secrets = details.AdminPassword is { } p ? [new OciSecret("adminPassword", p)] : [],
        };
        var response = await pipeline.SendAsync(request, ct).ConfigureAwait(false);
        return new OciOperationResult(response.OpcRequestId, response.OpcWorkRequestId);
    }

    /// <inheritdoc />
    public async Task<OciOperationResult> DeleteDbSystemAsync(string dbSystemId, string? ifMatch, CancellationToken ct)
    {
        var request = new OciRequest("DeleteDbSystem", HttpMethod.Delete, "dbSystems/" + Id(dbSystemId))
        {
            Headers = ifMatch is null ? [] : [new("if-match", ifMatch)],
        };
        var response = await pipeline.SendAsync(request, ct).ConfigureAwait(false);
        return new OciOperationResult(response.OpcRequestId, response.OpcWorkRequestId);
    }

    /// <inheritdoc />
    public async Task<OciPage<DbSystemSummary>> ListDbSystemsAsync(ListDbSystemsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.CompartmentId);
        var query = new List<KeyValuePair<string, string>> { new("compartmentId", request.CompartmentId) };
        Add(query, "isHeatWaveClusterAttached", request.IsHeatWaveClusterAttached);
        Add(query, "dbSystemId", request.DbSystemId);
        Add(query, "displayName", request.DisplayName);
        Add(query, "lifecycleState", request.LifecycleState?.Value);
        Add(query, "configurationId", request.ConfigurationId);
        Add(query, "isUpToDate", request.IsUpToDate);
        foreach (var state in request.DatabaseManagement ?? [])
        {
            query.Add(new("databaseManagement", state.Value));
        }

        Add(query, "sortBy", request.SortBy?.Value);
        Add(query, "sortOrder", request.SortOrder?.Value);
        Add(query, "limit", request.Limit?.ToString(CultureInfo.InvariantCulture));
        Add(query, "page", request.Page);
        var response = await pipeline.SendAsync(new OciRequest("ListDbSystems", HttpMethod.Get, "dbSystems") { Query = query }, ct).ConfigureAwait(false);
        return new OciPage<DbSystemSummary>(Deserialize(response, MysqlJsonContext.Default.IReadOnlyListDbSystemSummary), response.OpcNextPage, response.OpcRequestId);
    }

    /// <summary>Follows <c>opc-next-page</c> until the last page and returns every item.</summary>
    public async Task<IReadOnlyList<DbSystemSummary>> ListAllDbSystemsAsync(ListDbSystemsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = new List<DbSystemSummary>();
        var current = request;
        while (true)
        {
            var page = await ListDbSystemsAsync(current, ct).ConfigureAwait(false);
            all.AddRange(page.Items);
            if (string.IsNullOrEmpty(page.NextPage))
            {
                return all;
            }

            current = current with { Page = page.NextPage };
        }
    }

    /// <inheritdoc />
    public async Task<OciResult<WorkRequest>> GetWorkRequestAsync(string workRequestId, CancellationToken ct)
    {
        var response = await pipeline.SendAsync(new OciRequest("GetWorkRequest", HttpMethod.Get, "workRequests/" + Id(workRequestId)), ct).ConfigureAwait(false);
        return new OciResult<WorkRequest>(Deserialize(response, MysqlJsonContext.Default.WorkRequest), response.ETag, response.OpcRequestId, null, response.RetryAfter);
    }

    /// <inheritdoc />
    public Task<OciPage<WorkRequestError>> ListWorkRequestErrorsAsync(string workRequestId, int? limit, string? page, CancellationToken ct) =>
        ListWorkRequestItemsAsync("ListWorkRequestErrors", workRequestId, "errors", limit, page, MysqlJsonContext.Default.IReadOnlyListWorkRequestError, ct);

    /// <inheritdoc />
    public Task<OciPage<WorkRequestLogEntry>> ListWorkRequestLogsAsync(string workRequestId, int? limit, string? page, CancellationToken ct) =>
        ListWorkRequestItemsAsync("ListWorkRequestLogs", workRequestId, "logs", limit, page, MysqlJsonContext.Default.IReadOnlyListWorkRequestLogEntry, ct);

    private async Task<OciPage<T>> ListWorkRequestItemsAsync<T>(string operation, string workRequestId, string kind, int? limit, string? page, JsonTypeInfo<IReadOnlyList<T>> type, CancellationToken ct)
    {
        var query = new List<KeyValuePair<string, string>>();
        Add(query, "limit", limit?.ToString(CultureInfo.InvariantCulture));
        Add(query, "page", page);
        var request = new OciRequest(operation, HttpMethod.Get, $"workRequests/{Id(workRequestId)}/{kind}") { Query = query };
        var response = await pipeline.SendAsync(request, ct).ConfigureAwait(false);
        return new OciPage<T>(Deserialize(response, type), response.OpcNextPage, response.OpcRequestId);
    }

    private static void Add(List<KeyValuePair<string, string>> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(new(name, value));
        }
    }

    private static void Add(List<KeyValuePair<string, string>> query, string name, bool? value)
    {
        if (value is { } b)
        {
            query.Add(new(name, b ? "true" : "false"));
        }
    }

    private static string Id(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }

    private static T Deserialize<T>(OciResponse response, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body.Span, type)
                ?? throw new OciServiceException("OCI answered an empty body where a document was expected.");
        }
        catch (JsonException ex)
        {
            throw new OciServiceException($"OCI answered a body that is not a valid {typeof(T).Name} (opc-request-id {response.OpcRequestId}): {ex.Message}", ex);
        }
    }
}
