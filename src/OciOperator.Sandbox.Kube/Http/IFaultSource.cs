namespace OciOperator.Sandbox.Kube.Http;

/// <summary>The injected faults the HTTP layer asks about on each request (implemented by <c>SandboxFaults</c>).</summary>
internal interface IFaultSource
{
    /// <summary>Delay before every request is handled.</summary>
    TimeSpan Latency { get; }

    /// <summary>When set, every watch is closed after this long.</summary>
    TimeSpan? CloseWatchesEvery { get; }

    /// <summary>The fault (or none) the next write answers with.</summary>
    WriteFault NextWriteFault();

    /// <summary>A random number in [0, <paramref name="maxExclusive"/>) from the server's seeded source (generated names).</summary>
    int NextInt(int maxExclusive);
}
