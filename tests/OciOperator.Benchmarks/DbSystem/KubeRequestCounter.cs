using System.Collections.Concurrent;

namespace OciOperator.Benchmarks.DbSystem;

/// <summary>
/// Counts the operator's Kubernetes API requests by verb and resource (<c>GET dbsystems</c>, <c>PUT dbsystems/status</c>,
/// <c>POST events</c>, ...) as they leave its client. Watches are counted apart (<c>WATCH</c>); they are long-lived
/// streams, not per-object work.
/// </summary>
internal sealed class KubeRequestCounter : DelegatingHandler
{
    private static readonly HashSet<string> WriteVerbs = new(StringComparer.Ordinal) { "POST", "PUT", "PATCH", "DELETE" };

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>A snapshot of the counts so far.</summary>
    public RequestCounts Snapshot() => new(new Dictionary<string, long>(_counts, StringComparer.Ordinal));

    /// <summary>Whether a key of <see cref="Snapshot"/> is a write.</summary>
    public static bool IsWrite(string key) => WriteVerbs.Contains(key.Split(' ')[0]);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _counts.AddOrUpdate(Key(request), 1, static (_, n) => n + 1);
        return base.SendAsync(request, cancellationToken);
    }

    private static string Key(HttpRequestMessage request)
    {
        var uri = request.RequestUri;
        var watch = uri?.Query.Contains("watch=true", StringComparison.Ordinal) == true;
        var verb = watch ? "WATCH" : request.Method.Method;
        return $"{verb} {Resource(uri?.AbsolutePath ?? string.Empty)}";
    }

    /// <summary>
    /// The resource of a path: <c>/api/v1/namespaces/ns/secrets/x</c> → <c>secrets</c>;
    /// <c>/apis/g/v/namespaces/ns/dbsystems/x/status</c> → <c>dbsystems/status</c>.
    /// </summary>
    private static string Resource(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Skip api/v1 or apis/group/version.
        var i = segments.Length > 0 && segments[0] == "api" ? 2 : 3;
        if (i < segments.Length && segments[i] == "namespaces" && i + 2 < segments.Length)
        {
            i += 2;
        }

        if (i >= segments.Length)
        {
            return path;
        }

        var resource = segments[i];
        return i + 2 < segments.Length ? $"{resource}/{segments[i + 2]}" : resource;
    }
}
