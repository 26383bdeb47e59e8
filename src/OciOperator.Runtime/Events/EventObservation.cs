namespace OciOperator.Runtime.Events;

/// <summary>
/// The aggregator's verdict: create a new event named <paramref name="Name"/> (when <paramref name="Count"/> is 1)
/// or update the existing one to <paramref name="Count"/> occurrences.
/// </summary>
internal readonly record struct EventObservation(string Name, int Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)
{
    public bool IsNew => Count == 1;
}
