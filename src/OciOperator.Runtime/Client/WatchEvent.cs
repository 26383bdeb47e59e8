using k8s;
using k8s.Models;

namespace OciOperator.Runtime.Client;

/// <summary>
/// One watch event. <see cref="Object"/> is set for Added/Modified/Deleted, unless the object could not be decoded:
/// then <see cref="Undecodable"/> says which object it was and why. <see cref="ResourceVersion"/> is set for
/// bookmarks (and every event); <see cref="Error"/> for Error events (for example 410 Expired).
/// </summary>
public sealed record WatchEvent<T>(WatchEventType Type, T? Object, string? ResourceVersion, V1Status? Error = null)
{
    /// <summary>The object of an Added/Modified/Deleted event that could not be decoded.</summary>
    public DecodeFailure? Undecodable { get; init; }
}
