using Microsoft.Extensions.Logging;

namespace OciOperator.Runtime.Manager;

/// <summary>One runnable and its current run (a runnable may be started again after a stop, e.g. a new leadership term).</summary>
internal sealed partial class RunnableEntry(IRunnable runnable)
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _cts;
    private Task _task = Task.CompletedTask;

    public IRunnable Runnable => runnable;

    /// <summary>Starts a run unless one is active; <paramref name="onFailure"/> hears of a run that threw.</summary>
    public void Start(CancellationToken ct, ILogger logger, Action<IRunnable, Exception> onFailure)
    {
        lock (_gate)
        {
            if (_cts is not null)
            {
                return;
            }

            _cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var token = _cts.Token;
            _task = Task.Run(() => RunGuardedAsync(logger, onFailure, token), CancellationToken.None);
        }
    }

    public async Task StopAsync()
    {
        CancellationTokenSource? cts;
        Task task;
        lock (_gate)
        {
            cts = _cts;
            task = _task;
            _cts = null;
        }

        if (cts is null)
        {
            await task.ConfigureAwait(false);
            return;
        }

        await cts.CancelAsync().ConfigureAwait(false);
        await task.ConfigureAwait(false);
        cts.Dispose();
    }

    private async Task RunGuardedAsync(ILogger logger, Action<IRunnable, Exception> onFailure, CancellationToken ct)
    {
        try
        {
            await runnable.RunAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped.
        }
#pragma warning disable CA1031 // A failing runnable is handed to the manager, which ends (controller-runtime's rule).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRunnableFailed(logger, runnable.GetType().Name, ex);
            onFailure(runnable, ex);
        }
    }

    [LoggerMessage(EventId = 1310, Level = LogLevel.Error, Message = "Runnable {Runnable} failed")]
    private static partial void LogRunnableFailed(ILogger logger, string runnable, Exception exception);
}
