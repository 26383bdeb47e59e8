using k8s;
using k8s.Models;

namespace OciOperator.Runtime.Client;

/// <summary>
/// One watch event. <see cref="Object"/> is set for Added/Modified/Deleted; <see cref="ResourceVersion"/> for
/// bookmarks (and every event); <see cref="Error"/> for Error events (for example 410 Expired).
/// </summary>
public sealed record WatchEvent<T>(WatchEventType Type, T? Object, string? ResourceVersion, V1Status? Error = null);
