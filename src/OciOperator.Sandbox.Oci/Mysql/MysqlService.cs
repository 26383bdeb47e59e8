using System.Security.Cryptography;
using OciOperator.Sandbox.Oci.Hosting;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>
/// The emulated MySQL HeatWave service (API 20190415): DbSystems and work requests with OCI's validation, lifecycles,
/// ETags and retry tokens. Lifecycle transitions are evaluated lazily against the TimeProvider on every access, so a
/// FakeTimeProvider drives them. Thread-safe (one lock; the state is small).
/// </summary>
internal sealed partial class MysqlService(MysqlSettings options)
{
    private static readonly TimeSpan RetryTokenLifetime = TimeSpan.FromHours(24);
    private readonly Lock _gate = new();
    private readonly List<DbSystemRecord> _dbSystems = [];
    private readonly Dictionary<string, WorkRequestRecord> _workRequests = new(StringComparer.Ordinal);
    private readonly List<WorkRequestRecord> _workRequestOrder = [];
    private readonly Dictionary<string, RetryTokenEntry> _retryTokens = new(StringComparer.Ordinal);
    private readonly string _regionKey = MysqlCatalog.RegionKey(options.Region);
    private readonly string _adPrefix = AvailabilityDomainPrefix(options.TenancyId);
    private int _nextIp;
    private int _nextFaultDomain;

    private TimeProvider Time => options.TimeProvider;

    public IReadOnlyList<EmulatedDbSystem> Snapshots()
    {
        lock (_gate)
        {
            Advance();
            return _dbSystems.Select(d => d.Snapshot()).ToList();
        }
    }

    /// <summary>The availability domains of the region, e.g. <c>Uocm:US-ASHBURN-AD-1</c>.</summary>
    public IReadOnlyList<string> AvailabilityDomains =>
        [.. Enumerable.Range(1, 3).Select(i => $"{_adPrefix}:{MysqlCatalog.AvailabilityDomainRegion(options.Region)}-AD-{i}")];

    public bool DeleteOutOfBand(string id) => Mutate(id, (record, now) =>
    {
        FailPendingWorkRequest(record, now, "The DB System was deleted outside of this request.");
        record.LifecycleState = "DELETED";
        record.LifecycleDetails = "Deleted out of band.";
    });

    public bool SetMysqlVersion(string id, string version) => Mutate(id, (record, _) => record.MysqlVersion = version);

    public bool SetIpAddress(string id, string ipAddress) => Mutate(id, (record, _) => record.IpAddress = ipAddress);

    public bool SetLifecycleState(string id, string state)
    {
        if (!MysqlCatalog.LifecycleStates.Contains(state))
        {
            throw new ArgumentException($"'{state}' is not a DbSystem lifecycle state.", nameof(state));
        }

        return Mutate(id, (record, now) =>
        {
            FailPendingWorkRequest(record, now, $"The DB System moved to {state} outside of this request.");
            record.LifecycleState = state;
            record.LifecycleDetails = state == "FAILED" ? "Failed (injected)." : null;
        });
    }

    private bool Mutate(string id, Action<DbSystemRecord, DateTimeOffset> change)
    {
        lock (_gate)
        {
            Advance();
            var record = Find(id);
            if (record is null)
            {
                return false;
            }

            var now = Time.GetUtcNow();
            change(record, now);
            record.Touch(now);
            return true;
        }
    }

    private void FailPendingWorkRequest(DbSystemRecord record, DateTimeOffset now, string message)
    {
        if (record.PendingWorkRequestId is { } workRequestId && _workRequests.TryGetValue(workRequestId, out var workRequest) && !workRequest.IsFinished)
        {
            workRequest.Errors.Add(("InternalError", message, now));
            workRequest.Finish("FAILED", now, message);
        }

        record.PendingState = null;
        record.PendingWorkRequestId = null;
    }

    private DbSystemRecord? Find(string id) => _dbSystems.Find(d => d.Id == id);

    /// <summary>Applies every lifecycle transition that is due (caller holds the lock).</summary>
    private void Advance()
    {
        var now = Time.GetUtcNow();
        foreach (var record in _dbSystems)
        {
            if (record.PendingState is not { } target || record.TransitionAt > now)
            {
                continue;
            }

            record.LifecycleState = target;
            record.LifecycleDetails = null;
            record.PendingState = null;
            record.Touch(record.TransitionAt);
            if (record.PendingWorkRequestId is { } workRequestId && _workRequests.TryGetValue(workRequestId, out var workRequest))
            {
                workRequest.Finish("SUCCEEDED", record.TransitionAt, $"{workRequest.OperationType} succeeded.");
            }

            record.PendingWorkRequestId = null;
        }

        foreach (var expired in _retryTokens.Where(t => t.Value.ExpiresAt <= now).Select(t => t.Key).ToList())
        {
            _retryTokens.Remove(expired);
        }
    }

    private WorkRequestRecord StartWorkRequest(DbSystemRecord record, string operationType, string actionType, TimeSpan duration, DateTimeOffset now)
    {
        var workRequest = new WorkRequestRecord
        {
            Id = NewOcid("mysqlworkrequest"),
            OperationType = operationType,
            ActionType = actionType,
            CompartmentId = record.CompartmentId,
            DbSystemId = record.Id,
            TimeAccepted = now,
            TimeDue = now + duration,
        };
        workRequest.Logs.Add(($"{operationType} accepted.", now));
        workRequest.Logs.Add(($"{operationType} started.", now));
        _workRequests[workRequest.Id] = workRequest;
        _workRequestOrder.Add(workRequest);
        record.PendingWorkRequestId = workRequest.Id;
        record.TransitionAt = now + duration;
        return workRequest;
    }

    private string NewOcid(string type) =>
        $"ocid1.{type}.oc1.{_regionKey.ToLowerInvariant()}.aaaaaaaa{RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz234567", 52)}";

    private string AllocateIp()
    {
        var n = Interlocked.Increment(ref _nextIp);
        return $"10.0.{n / 250}.{(n % 250) + 2}";
    }

    private string AllocateFaultDomain() => $"FAULT-DOMAIN-{(Interlocked.Increment(ref _nextFaultDomain) % 3) + 1}";

    private static string AvailabilityDomainPrefix(string tenancyId)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tenancyId));
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        return new string([char.ToUpperInvariant(letters[hash[0] % 26]), letters[hash[1] % 26], letters[hash[2] % 26], letters[hash[3] % 26]]);
    }

    private sealed record RetryTokenEntry(string BodyHash, string DbSystemId, string WorkRequestId, DateTimeOffset ExpiresAt);

    private static OciResponse IncorrectState(DbSystemRecord record, string action) =>
        OciResponse.Error(409, "IncorrectState", $"The DB System {record.Id} is in state {record.LifecycleState}; it cannot be {action} now.");
}
