using System.Globalization;
using System.Net;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// The operator as a separate <c>oci-operator run</c> process against the suite's Sandbox, started, killed with
/// SIGKILL and started again as a kubelet would: its output of every life is kept (debug level, JSON), its peak
/// resident memory is read before each end, and its metrics and probes are served on fixed loopback ports.
/// </summary>
internal sealed class OperatorUnderTest : IAsyncDisposable
{
    private readonly ReliabilityCluster _cluster;
    private readonly string _controllers;
    private readonly List<string> _pastOutput = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OperatorProcess? _current;

    private readonly IReadOnlyDictionary<string, string> _environment;

    public OperatorUnderTest(ReliabilityCluster cluster, string controllers, IReadOnlyDictionary<string, string>? environment = null)
    {
        _cluster = cluster;
        _controllers = controllers;
        _environment = environment is null
            ? cluster.RunEnvironment
            : new Dictionary<string, string>(cluster.RunEnvironment.Concat(environment), StringComparer.Ordinal);
        MetricsPort = FreePort.Next();
        ProbePort = FreePort.Next();
    }

    public int MetricsPort { get; }

    public int ProbePort { get; }

    public int Starts { get; private set; }

    public int Kills { get; private set; }

    /// <summary>The largest resident set (VmHWM) any life of the process reached, in bytes.</summary>
    public long PeakResidentBytes { get; private set; }

    /// <summary>Everything every life of the process wrote to stdout and stderr.</summary>
    public string AllOutput
    {
        get
        {
            lock (_pastOutput)
            {
                return string.Join('\n', _pastOutput) + '\n' + (_current?.Output ?? "");
            }
        }
    }

    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            StartLocked();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>SIGKILL (no shutdown, no cleanup) and a new process at once, as a kubelet restarts a container.</summary>
    public async Task KillAndRestartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_current is { } process)
            {
                SamplePeak(process);
                await process.KillAsync();
                Kills++;
                Retire(process);
            }

            StartLocked();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits until <c>/readyz</c> answers 200 (fails the test when the process exits or at the deadline).</summary>
    public Task WaitReadyAsync(TimeSpan timeout) =>
        Eventually.WaitAsync(async () => (await ProbeAsync("readyz")).Status == HttpStatusCode.OK, "the operator's /readyz to answer 200", timeout);

    /// <summary>Status and body of <c>/healthz</c> or <c>/readyz</c>; 0 when nothing answers.</summary>
    public async Task<(HttpStatusCode Status, string Body)> ProbeAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{ProbePort}/{path}"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, e.Message);
        }
    }

    /// <summary>The Prometheus text of <c>/metrics</c> (empty when nothing answers).</summary>
    public async Task<string> ScrapeAsync()
    {
        try
        {
            return await _http.GetStringAsync(new Uri($"http://127.0.0.1:{MetricsPort}/metrics"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "";
        }
    }

    /// <summary>The sum of every sample of <paramref name="metric"/> whose labels contain all of <paramref name="labels"/>.</summary>
    public static double Sum(string metrics, string metric, params string[] labels) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(l => labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 2)
            .Sum(parts => double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0);

    /// <summary>SIGTERM and wait: a clean stop at the end of a phase.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_current is { } process)
            {
                SamplePeak(process);
                if (!process.HasExited)
                {
                    await process.SignalAndWaitAsync(15, TimeSpan.FromSeconds(30));
                }

                Retire(process);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_current is { } process)
        {
            await process.DisposeAsync();
            Retire(process);
        }

        _http.Dispose();
        _gate.Dispose();
    }

    private void StartLocked()
    {
        string[] arguments =
        [
            "run",
            "--controllers", _controllers,
            "--oci-auth-mode", "instance_principal",
            "--oci-mysql-endpoint", _cluster.Oci.MySqlEndpoint.AbsoluteUri,
            "--dbsystem-poll-interval", "00:00:01",
            // The suite is about faults, not waiting: OCI retries start at 50 ms (not OCI's 1 s), still doubling.
            "--oci-retry-base-delay", "50ms",
            "--max-concurrent-reconciles", "25",
            "--kube-api-qps", "200",
            "--kube-api-burst", "300",
            "--log-level", "debug",
            "--log-format", "json",
            "--metrics-bind-address", $"127.0.0.1:{MetricsPort}",
            "--health-probe-bind-address", $"127.0.0.1:{ProbePort}",
        ];
        _current = OperatorProcess.Start(arguments, _cluster.Directory, _environment);
        Starts++;
    }

    private void Retire(OperatorProcess process)
    {
        lock (_pastOutput)
        {
            _pastOutput.Add(process.Output);
            if (ReferenceEquals(_current, process))
            {
                _current = null;
            }
        }
    }

    private void SamplePeak(OperatorProcess process)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
            {
                PeakResidentBytes = Math.Max(PeakResidentBytes, kb * 1024);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The process already ended: its peak is lost, the others' remain.
        }
    }
}
