using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube;

/// <summary>Settings of the Sandbox Kubernetes API server.</summary>
public sealed class KubeApiServerOptions
{
    /// <summary>Loopback address to listen on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Null: no authentication. Otherwise every request needs <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string? BearerToken { get; init; }

    /// <summary>How many events are retained for watch resumption; older resourceVersions get 410 Expired.</summary>
    public int WatchHistoryLimit { get; init; } = 10_000;

    /// <summary>
    /// How many bytes (of the events' objects as JSON) the retained history may hold; the oldest events go first, so
    /// resuming from before them gets 410 Expired. The newest event is always kept.
    /// </summary>
    public long WatchHistoryByteLimit { get; init; } = ObjectStore.DefaultHistoryByteLimit;

    /// <summary>
    /// How long events are retained for watch resumption and list continuation, as the real server's periodic etcd
    /// compaction (about 5 minutes): a watch or continue token from an older resourceVersion gets 410 Expired.
    /// </summary>
    public TimeSpan WatchHistoryWindow { get; init; } = ObjectStore.DefaultHistoryWindow;

    /// <summary>The clock for timestamps, watch timeouts, bookmarks and injected latency.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How often an idle watch that asked for bookmarks receives one.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Source of randomness for fault injection and generated names (seed it for reproducible tests).</summary>
    public Random? Random { get; init; }

    /// <summary>
    /// Called once per resource request, before it is served (so requests answered with an injected fault count
    /// too), with the user agent, verb and resource: what an RBAC audit needs. Null (the default): nothing recorded.
    /// It runs on the request's thread and must be quick and thread-safe.
    /// </summary>
    public Action<ApiRequestRecord>? RequestObserver { get; init; }

    /// <summary>Where the server logs (request failures at Debug; never bodies).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
