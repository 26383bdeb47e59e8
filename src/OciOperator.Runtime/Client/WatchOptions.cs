namespace OciOperator.Runtime.Client;

/// <summary>Options of a watch call; bookmarks are requested by default, as reflectors do.</summary>
public sealed record WatchOptions(
    string ResourceVersion,
    string? Namespace = null,
    string? LabelSelector = null,
    string? FieldSelector = null,
    TimeSpan? Timeout = null,
    bool AllowBookmarks = true);
