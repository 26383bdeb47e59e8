using System.Collections.Concurrent;

namespace OciOperator.Mysql.Tests.Support;

/// <summary>
/// Records the operator's Kubernetes API requests as they leave its client, as <c>VERB /path</c> lines (watches as
/// <c>WATCH /path</c>, lists with their query), so tests can assert which calls a behaviour makes.
/// </summary>
internal sealed class KubeRequestLog : DelegatingHandler
{
    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Single-object GETs of <paramref name="path"/> (an exact path, no query).</summary>
    public int GetsOf(string path) => _requests.Count(r => r == "GET " + path);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri;
        var watch = uri?.Query.Contains("watch=true", StringComparison.Ordinal) == true;
        _requests.Enqueue($"{(watch ? "WATCH" : request.Method.Method)} {uri?.PathAndQuery}");
        return base.SendAsync(request, cancellationToken);
    }
}
