using Spectre.Console;

namespace OciOperator.Demo;

/// <summary>
/// Progress on an interactive terminal: coloured lines (green when ready, red when failed) above a spinner that says
/// what the demo waits on and for how long.
/// </summary>
internal sealed class SpectreDemoView(IAnsiConsole console, TimeProvider time) : DemoView
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);

    public override void Line(DemoLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var colour = line.Phase switch
        {
            DemoPhase.Ready => "green",
            DemoPhase.Failed => "red",
            DemoPhase.Progressing => "yellow",
            DemoPhase.Deleted => "grey",
            _ => "blue",
        };
        console.MarkupLine(
            $"[grey]{Markup.Escape(line.ElapsedText)}[/]  [bold]{Markup.Escape(line.Kind),-23}[/]  {Markup.Escape(line.Name),-31}  [{colour}]{Markup.Escape(line.Text)}[/]");
    }

    public override void Note(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            console.MarkupLine(Markup.Escape(line));
        }
    }

    public override void Problem(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            console.MarkupLine($"[red]{Markup.Escape(line)}[/]");
        }
    }

    public override Task WhileWaitingAsync(Func<Task> body, Func<string> status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(status);
        return console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(status()), async context =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var work = body();
            var refresh = RefreshAsync(context, status, stop.Token);
            try
            {
                await work.ConfigureAwait(false);
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await refresh.ConfigureAwait(false);
            }
        });
    }

    private async Task RefreshAsync(StatusContext context, Func<string> status, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                context.Status = Markup.Escape(status());
                await Task.Delay(Refresh, time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The body finished: the spinner goes away.
        }
    }
}
