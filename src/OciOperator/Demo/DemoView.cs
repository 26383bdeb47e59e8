namespace OciOperator.Demo;

/// <summary>
/// Where the demo's progress goes: <see cref="PlainDemoView"/> when output is redirected (a log, a pipe, a test),
/// <see cref="SpectreDemoView"/> on an interactive terminal.
/// </summary>
internal abstract class DemoView
{
    /// <summary>One progress line.</summary>
    public abstract void Line(DemoLine line);

    /// <summary>A paragraph for the reader (the summary, the kubectl commands).</summary>
    public abstract void Note(IReadOnlyList<string> lines);

    /// <summary>Something went wrong: what, and what to do about it.</summary>
    public abstract void Problem(IReadOnlyList<string> lines);

    /// <summary>
    /// Runs <paramref name="body"/> while showing <paramref name="status"/> (what the demo waits on, with the elapsed
    /// time) where the terminal can show it; a plain view just runs the body.
    /// </summary>
    public virtual Task WhileWaitingAsync(Func<Task> body, Func<string> status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body();
    }

    /// <summary>The view for this process's standard output.</summary>
    public static DemoView ForConsole(TimeProvider time) =>
        !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive
            ? new SpectreDemoView(Spectre.Console.AnsiConsole.Console, time)
            : new PlainDemoView(Console.Out);
}
