namespace OciOperator.Sandbox.Kube.Http;

/// <summary>What the HTTP layer takes from the server's options.</summary>
/// <param name="Time">The clock of timeouts, bookmarks and timestamps.</param>
/// <param name="BookmarkInterval">How often an idle watch that asked for bookmarks gets one.</param>
/// <param name="BearerToken">The token every request must present; <see langword="null"/> for an open server.</param>
/// <param name="RequestObserver">Told of every resource request (user agent, verb, resource); null for none.</param>
internal sealed record ApiServerSettings(TimeProvider Time, TimeSpan BookmarkInterval, string? BearerToken, Action<ApiRequestRecord>? RequestObserver = null);
