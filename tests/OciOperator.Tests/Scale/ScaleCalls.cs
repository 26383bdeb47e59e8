using System.Collections.Concurrent;
using OciOperator.Sandbox.Kube;

namespace OciOperator.Tests.Scale;

/// <summary>
/// The operator's Kubernetes API requests as the Sandbox saw them (the operator process sends KubernetesClient's
/// user agent; the harness, kubectl and the workload simulators send others), by RBAC verb and by verb and
/// resource, kept per phase of the run.
/// </summary>
internal sealed class ScaleCalls
{
    private const string OperatorAgentPrefix = "kubernetes-csharp/";
    private static readonly HashSet<string> WriteVerbs = new(StringComparer.Ordinal) { "create", "update", "patch", "delete", "deletecollection" };

    private readonly ConcurrentDictionary<(string Phase, string Key), long> _counts = new();
    private volatile string _phase = "start";

    /// <summary>What the run does now (<c>converge</c>, <c>steady</c>, <c>delete</c>); calls are counted per phase.</summary>
    public string Phase
    {
        get => _phase;
        set => _phase = value;
    }

    public static bool IsWrite(string verb) => WriteVerbs.Contains(verb);

    public void Record(ApiRequestRecord request)
    {
        if (!request.UserAgent.StartsWith(OperatorAgentPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var resource = request.Subresource is null ? request.Resource : request.Resource + "/" + request.Subresource;
        _counts.AddOrUpdate((_phase, request.Verb + " " + resource), 1, static (_, n) => n + 1);
    }

    /// <summary>Counts of one phase by "verb resource".</summary>
    public IReadOnlyDictionary<string, long> ByVerbAndResource(string phase) =>
        _counts.Where(p => p.Key.Phase == phase).ToDictionary(p => p.Key.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Counts of one phase by verb.</summary>
    public IReadOnlyDictionary<string, long> ByVerb(string phase) =>
        ByVerbAndResource(phase).GroupBy(p => p.Key.Split(' ')[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);

    public long Total(string phase) => ByVerbAndResource(phase).Values.Sum();

    public long Writes(string phase) => ByVerb(phase).Where(p => IsWrite(p.Key)).Sum(p => p.Value);
}
