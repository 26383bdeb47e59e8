using System.Collections.Concurrent;
using OciOperator.Sandbox.Kube;

namespace OciOperator.ResourceGraph.Tests.Support;

/// <summary>
/// The engine's requests as the Sandbox API server received them (its request observer), by RBAC verb and resource
/// (<c>get osokkrodemoapps</c>, <c>patch osokkrodemoapps/status</c>); watches left out. Only requests whose
/// User-Agent carries <see cref="EngineAgent"/> (set by <see cref="RequestCounter"/> on the engine's client) count.
/// </summary>
internal sealed class SandboxRequestLog
{
    public const string EngineAgent = "instance-engine-under-test";

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Record(ApiRequestRecord request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.UserAgent.Contains(EngineAgent, StringComparison.Ordinal) && request.Verb != "watch")
        {
            var resource = request.Subresource is null ? request.Resource : $"{request.Resource}/{request.Subresource}";
            _counts.AddOrUpdate($"{request.Verb} {resource}", 1, static (_, n) => n + 1);
        }
    }

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>Requests since <paramref name="earlier"/> (keys with none left out).</summary>
    public IReadOnlyDictionary<string, long> Since(IReadOnlyDictionary<string, long> earlier) =>
        _counts.Select(kv => (kv.Key, Value: kv.Value - earlier.GetValueOrDefault(kv.Key)))
            .Where(kv => kv.Value != 0)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public static long Calls(IReadOnlyDictionary<string, long> counts) => counts.Values.Sum();

    public static long Writes(IReadOnlyDictionary<string, long> counts) =>
        counts.Where(kv => kv.Key.Split(' ')[0] is "create" or "update" or "patch" or "delete" or "deletecollection").Sum(kv => kv.Value);
}
