namespace OciOperator.Runtime.Caching;

/// <summary>What an informer watches and how often it resyncs.</summary>
public sealed record InformerOptions
{
    /// <summary>Restrict to one namespace; null watches all.</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>How often every cached object is re-delivered as an update; null or zero disables resync.</summary>
    public TimeSpan? ResyncPeriod { get; init; }

    /// <summary>The server-side timeout asked for each watch (client-go picks 5–10 minutes).</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between attempts after list/watch errors.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
