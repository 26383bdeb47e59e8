using System.Collections.Concurrent;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;

namespace OciOperator.Mysql.Tests.Support;

/// <summary>
/// Wraps the real OCI client (signing, auth, retries all still run) and records the update and create bodies the
/// controller sent, so tests can assert which fields an UpdateDbSystem carried.
/// </summary>
internal sealed class RecordingMysqlClient(IMysqlDbSystemClient inner) : IMysqlDbSystemClient
{
    private readonly ConcurrentQueue<(string Id, UpdateDbSystemDetails Details)> _updates = new();
    private readonly ConcurrentQueue<CreateDbSystemDetails> _creates = new();

    public IReadOnlyList<(string Id, UpdateDbSystemDetails Details)> Updates => [.. _updates];

    public IReadOnlyList<CreateDbSystemDetails> Creates => [.. _creates];

    public Task<OciResult<DbSystem>> CreateDbSystemAsync(CreateDbSystemDetails details, string? retryToken, CancellationToken ct)
    {
        _creates.Enqueue(details);
        return inner.CreateDbSystemAsync(details, retryToken, ct);
    }

    public Task<GetDbSystemResult> GetDbSystemAsync(string dbSystemId, string? ifNoneMatch, CancellationToken ct) =>
        inner.GetDbSystemAsync(dbSystemId, ifNoneMatch, ct);

    public Task<OciOperationResult> UpdateDbSystemAsync(string dbSystemId, UpdateDbSystemDetails details, string? ifMatch, CancellationToken ct)
    {
        _updates.Enqueue((dbSystemId, details));
        return inner.UpdateDbSystemAsync(dbSystemId, details, ifMatch, ct);
    }

    public Task<OciOperationResult> DeleteDbSystemAsync(string dbSystemId, string? ifMatch, CancellationToken ct) =>
        inner.DeleteDbSystemAsync(dbSystemId, ifMatch, ct);

    public Task<OciPage<DbSystemSummary>> ListDbSystemsAsync(ListDbSystemsRequest request, CancellationToken ct) =>
        inner.ListDbSystemsAsync(request, ct);

    public Task<OciResult<WorkRequest>> GetWorkRequestAsync(string workRequestId, CancellationToken ct) =>
        inner.GetWorkRequestAsync(workRequestId, ct);

    public Task<OciPage<WorkRequestError>> ListWorkRequestErrorsAsync(string workRequestId, int? limit, string? page, CancellationToken ct) =>
        inner.ListWorkRequestErrorsAsync(workRequestId, limit, page, ct);

    public Task<OciPage<WorkRequestLogEntry>> ListWorkRequestLogsAsync(string workRequestId, int? limit, string? page, CancellationToken ct) =>
        inner.ListWorkRequestLogsAsync(workRequestId, limit, page, ct);
}
