using System.Collections.Concurrent;
using OciOperator.Sandbox.Kube;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// The Sandbox's record of every resource request, by caller: the operator process (KubernetesClient's user agent)
/// apart from the suite's own client, kubectl and the workload simulators. Thread-safe; keeps distinct requests
/// (verb, resource, namespace, name) with counts, not every call.
/// </summary>
internal sealed class ApiCallLog
{
    /// <summary>The user agent the operator's KubernetesClient sends (<c>kubernetes-csharp/VERSION</c>).</summary>
    public const string OperatorAgentPrefix = "kubernetes-csharp/";

    private readonly ConcurrentDictionary<(string Phase, ApiRequestRecord Request), int> _operator = new();
    private readonly ConcurrentDictionary<string, long> _operatorVerbs = new(StringComparer.Ordinal);
    private long _operatorCalls;
    private long _otherCalls;
    private volatile string _phase = "start";

    /// <summary>What the suite is doing now (e.g. <c>chaos</c>); operator calls are kept per phase.</summary>
    public string Phase
    {
        get => _phase;
        set => _phase = value;
    }

    public long OperatorCalls => Interlocked.Read(ref _operatorCalls);

    public long OtherCalls => Interlocked.Read(ref _otherCalls);

    /// <summary>The operator's calls per verb so far.</summary>
    public IReadOnlyDictionary<string, long> OperatorVerbs => new SortedDictionary<string, long>(_operatorVerbs, StringComparer.Ordinal);

    public void Record(ApiRequestRecord request)
    {
        if (request.UserAgent.StartsWith(OperatorAgentPrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _operatorCalls);
            _operatorVerbs.AddOrUpdate(request.Verb, 1, (_, n) => n + 1);
            // Names of objects are not needed beyond the kind of request; keep the set small.
            _operator.AddOrUpdate((_phase, request with { UserAgent = OperatorAgentPrefix, Name = request.Name is null ? null : "*" }), 1, (_, n) => n + 1);
        }
        else
        {
            Interlocked.Increment(ref _otherCalls);
        }
    }

    /// <summary>The operator's distinct requests in the given phases (all phases when none are named).</summary>
    public IReadOnlyList<ApiRequestRecord> OperatorRequests(params string[] phases) =>
        [.. _operator.Keys.Where(k => phases.Length == 0 || phases.Contains(k.Phase)).Select(k => k.Request).Distinct()];
}
