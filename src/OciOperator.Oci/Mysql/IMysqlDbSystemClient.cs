using OciOperator.Oci.Http;

namespace OciOperator.Oci.Mysql;

/// <summary>The MySQL DbSystem and work-request API (oci.md §5) — the boundary the DbSystem controller mocks.</summary>
public interface IMysqlDbSystemClient
{
    /// <summary>POST /dbSystems. <paramref name="retryToken"/> (opc-retry-token) is generated when null and reused across retries.</summary>
    Task<OciResult<DbSystem>> CreateDbSystemAsync(CreateDbSystemDetails details, string? retryToken, CancellationToken ct);

    /// <summary>GET /dbSystems/{id}; with <paramref name="ifNoneMatch"/> a 304 yields <see cref="GetDbSystemResult.NotModified"/>.</summary>
    Task<GetDbSystemResult> GetDbSystemAsync(string dbSystemId, string? ifNoneMatch, CancellationToken ct);

    /// <summary>PUT /dbSystems/{id} with only the set fields; <paramref name="ifMatch"/> sent when given.</summary>
    Task<OciOperationResult> UpdateDbSystemAsync(string dbSystemId, UpdateDbSystemDetails details, string? ifMatch, CancellationToken ct);

    /// <summary>DELETE /dbSystems/{id}; <paramref name="ifMatch"/> sent when given.</summary>
    Task<OciOperationResult> DeleteDbSystemAsync(string dbSystemId, string? ifMatch, CancellationToken ct);

    /// <summary>GET /dbSystems — one page.</summary>
    Task<OciPage<DbSystemSummary>> ListDbSystemsAsync(ListDbSystemsRequest request, CancellationToken ct);

    /// <summary>GET /workRequests/{id}.</summary>
    Task<OciResult<WorkRequest>> GetWorkRequestAsync(string workRequestId, CancellationToken ct);

    /// <summary>GET /workRequests/{id}/errors — one page.</summary>
    Task<OciPage<WorkRequestError>> ListWorkRequestErrorsAsync(string workRequestId, int? limit, string? page, CancellationToken ct);

    /// <summary>GET /workRequests/{id}/logs — one page.</summary>
    Task<OciPage<WorkRequestLogEntry>> ListWorkRequestLogsAsync(string workRequestId, int? limit, string? page, CancellationToken ct);
}
