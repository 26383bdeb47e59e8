namespace OciOperator.Demo;

/// <summary>
/// The demo's progress model: snapshots of watched objects in, lines out. An object's first sighting is a
/// <c>created</c> line; every later change of phase, state or message is one more line; an unchanged snapshot (a
/// resync, a status write that changes nothing we show) is none. Pure and single-threaded: the caller feeds it from
/// one loop.
/// </summary>
internal sealed class DemoProgress
{
    private readonly Dictionary<(string Kind, string Name), DemoSnapshot> _last = [];
    private readonly List<(string Kind, string Name)> _order = [];

    /// <summary>The lines that <paramref name="snapshot"/>, seen <paramref name="elapsed"/> after the start, adds.</summary>
    public IReadOnlyList<DemoLine> Observe(DemoSnapshot snapshot, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var key = (snapshot.Kind, snapshot.Name);
        var known = _last.TryGetValue(key, out var previous) && previous.Phase != DemoPhase.Deleted;
        if (!known && snapshot.Phase == DemoPhase.Deleted)
        {
            return [];
        }

        var lines = new List<DemoLine>(2);
        if (!known)
        {
            lines.Add(new DemoLine(elapsed, snapshot.Kind, snapshot.Name, DemoPhase.Created, "created"));
            previous = null;
            if (!_order.Contains(key))
            {
                _order.Add(key);
            }
        }

        var changed = previous is null
            || previous.Phase != snapshot.Phase
            || previous.State != snapshot.State
            || previous.Message != snapshot.Message;
        var sayable = snapshot.Phase != DemoPhase.Created && (snapshot.State.Length > 0 || snapshot.Message is not null);
        if (changed && sayable)
        {
            lines.Add(new DemoLine(elapsed, snapshot.Kind, snapshot.Name, snapshot.Phase, Describe(snapshot)));
        }

        _last[key] = snapshot;
        return lines;
    }

    /// <summary>
    /// What the demo waits on: the object that appeared last among those neither ready nor gone — the front of the
    /// graph (the DbSystem while it is CREATING), not the instance that waits on all of them.
    /// </summary>
    public DemoSnapshot? WaitingOn =>
        _order.Select(key => _last[key]).LastOrDefault(s => s.Phase is DemoPhase.Created or DemoPhase.Progressing or DemoPhase.Failed);

    /// <summary>The current snapshot of an object, if it was seen.</summary>
    public DemoSnapshot? Current(string kind, string name) => _last.GetValueOrDefault((kind, name));

    private static string Describe(DemoSnapshot snapshot) => (snapshot.State, snapshot.Message) switch
    {
        ({ Length: > 0 } state, { } message) => $"{state}: {message}",
        ({ Length: > 0 } state, null) => state,
        (_, { } message) => message,
        _ => string.Empty,
    };
}
