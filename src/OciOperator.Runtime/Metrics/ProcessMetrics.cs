using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OciOperator.Runtime.Metrics;

/// <summary>
/// The process collector's metrics under the names Prometheus client libraries (client_golang's process collector,
/// which every controller-runtime operator exposes) give them: CPU seconds, resident and virtual memory, open and
/// maximum file descriptors, start time and threads. Each is read from the current process when scraped.
/// </summary>
public static class ProcessMetrics
{
    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public static void AddTo(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        meter.CreateObservableCounter("process_cpu_seconds_total", () => Read(p => p.TotalProcessorTime.TotalSeconds), description: "Total user and system CPU time spent in seconds.");
        meter.CreateObservableGauge("process_resident_memory_bytes", () => Read(p => (double)p.WorkingSet64), description: "Resident memory size in bytes.");
        meter.CreateObservableGauge("process_virtual_memory_bytes", () => Read(p => (double)p.VirtualMemorySize64), description: "Virtual memory size in bytes.");
        meter.CreateObservableGauge("process_start_time_seconds", () => Read(p => new DateTimeOffset(p.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0), description: "Start time of the process since unix epoch in seconds.");
        meter.CreateObservableGauge("process_threads", () => Read(p => (double)p.Threads.Count), description: "Number of OS threads in the process.");
        meter.CreateObservableGauge("process_open_fds", OpenFileDescriptors, description: "Number of open file descriptors.");
        meter.CreateObservableGauge("process_max_fds", MaxFileDescriptors, description: "Maximum number of open file descriptors.");
        meter.CreateObservableGauge("dotnet_gc_heap_size_bytes", () => (double)GC.GetTotalMemory(forceFullCollection: false), description: "Bytes currently thought to be allocated on the managed heap.");
    }

    private static double Read(Func<Process, double> read)
    {
        using var process = Process.GetCurrentProcess();
        return read(process);
    }

    private static IEnumerable<Measurement<double>> OpenFileDescriptors()
    {
        // /proc/self/fd exists on Linux (where operators run); elsewhere the gauge reports nothing.
        if (Directory.Exists("/proc/self/fd"))
        {
            yield return new Measurement<double>(Directory.EnumerateFileSystemEntries("/proc/self/fd").Count());
        }
    }

    private static IEnumerable<Measurement<double>> MaxFileDescriptors()
    {
        var limit = ReadMaxOpenFiles();
        if (limit is { } value)
        {
            yield return new Measurement<double>(value);
        }
    }

    private static double? ReadMaxOpenFiles()
    {
        const string limits = "/proc/self/limits";
        if (!File.Exists(limits))
        {
            return null;
        }

        foreach (var line in File.ReadLines(limits))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var parts = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return parts.Length > 0 && double.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var soft) ? soft : null;
            }
        }

        return null;
    }
}
