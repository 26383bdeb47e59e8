using System.Collections.Concurrent;

namespace OciOperator.ResourceGraph.Tests.Support;

/// <summary>
/// Counts the Kubernetes API requests that leave a client, by verb and resource (<c>GET widgets</c>,
/// <c>PATCH widgets</c>, <c>PUT testapps/status</c>, <c>POST events</c>); watches count as <c>WATCH</c>.
/// Put it in the operator's client to count what the engine costs the API server.
/// </summary>
internal sealed class RequestCounter : DelegatingHandler
{
    private static readonly HashSet<string> WriteVerbs = new(StringComparer.Ordinal) { "POST", "PUT", "PATCH", "DELETE" };

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>Requests since <paramref name="earlier"/> (keys with none left out), without watches.</summary>
    public IReadOnlyDictionary<string, long> Since(IReadOnlyDictionary<string, long> earlier) =>
        _counts.Select(kv => (kv.Key, Value: kv.Value - earlier.GetValueOrDefault(kv.Key)))
            .Where(kv => kv.Value != 0 && !kv.Key.StartsWith("WATCH", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public static long Writes(IReadOnlyDictionary<string, long> counts) => counts.Where(kv => IsWrite(kv.Key)).Sum(kv => kv.Value);

    public static long Calls(IReadOnlyDictionary<string, long> counts) => counts.Where(kv => !kv.Key.StartsWith("WATCH", StringComparison.Ordinal)).Sum(kv => kv.Value);

    public static bool IsWrite(string key) => WriteVerbs.Contains(key.Split(' ')[0]);

    public static string Format(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Marks the engine's requests for the Sandbox's own count (SandboxRequestLog).
        request.Headers.UserAgent.Add(new System.Net.Http.Headers.ProductInfoHeaderValue(SandboxRequestLog.EngineAgent, "1"));
        var uri = request.RequestUri;
        var watch = uri?.Query.Contains("watch=true", StringComparison.Ordinal) == true || uri?.Query.Contains("watch=1", StringComparison.Ordinal) == true;
        _counts.AddOrUpdate($"{(watch ? "WATCH" : request.Method.Method)} {Resource(uri?.AbsolutePath ?? string.Empty)}", 1, static (_, n) => n + 1);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary><c>/api/v1/namespaces/ns/secrets/x</c> → <c>secrets</c>; <c>/apis/g/v/namespaces/ns/apps/x/status</c> → <c>apps/status</c>.</summary>
    private static string Resource(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var i = segments.Length > 0 && segments[0] == "api" ? 2 : 3;
        if (i < segments.Length && segments[i] == "namespaces" && i + 2 < segments.Length)
        {
            i += 2;
        }

        if (i >= segments.Length)
        {
            return path;
        }

        return i + 2 < segments.Length ? $"{segments[i]}/{segments[i + 2]}" : segments[i];
    }
}
