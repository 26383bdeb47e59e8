using System.Diagnostics;
using System.Text;

namespace OciOperator.Tests.Support;

/// <summary>
/// The built <c>oci-operator</c> executable run as a child process, the way a user runs it: its output is captured
/// line by line so tests can wait for a line, and it can be interrupted with SIGINT/SIGTERM like Ctrl-C.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private OperatorProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating-system process id.</summary>
    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public static OperatorProcess Start(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "oci-operator.dll");
        // As a user's terminal would: SIGINT at its default disposition even when the test run itself was started
        // with SIGINT ignored (a background job or nohup), which a child would otherwise inherit.
        var startInfo = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        startInfo.ArgumentList.Add("--default-signal=INT");
        startInfo.ArgumentList.Add("dotnet");
        startInfo.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var result = new OperatorProcess(process);
        process.OutputDataReceived += (_, e) => result.Append(e.Data);
        process.ErrorDataReceived += (_, e) => result.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Waits until a line of output satisfies <paramref name="predicate"/>; returns that line.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!cts.IsCancellationRequested)
        {
            var line = Output.Split('\n').FirstOrDefault(l => predicate(l.TrimEnd('\r')));
            if (line is not null)
            {
                return line.TrimEnd('\r');
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"oci-operator exited with {_process.ExitCode} before the expected line:\n{Output}");
            }

            await Task.Delay(50, CancellationToken.None);
        }

        throw new TimeoutException($"no expected line from oci-operator within {timeout}:\n{Output}");
    }

    /// <summary>Sends a POSIX signal (2 = SIGINT, 15 = SIGTERM) and waits for the process to exit.</summary>
    public async Task<int> SignalAndWaitAsync(int signal, TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", $"-{signal} {_process.Id}"))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the process with SIGKILL (no chance to clean up, as when a node dies) and waits for it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.Append(line).Append('\n');
        }
    }
}
