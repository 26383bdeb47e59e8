using System.Globalization;
using System.Text;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// What a reliability run did, phase by phase (objects, faults injected, kills, retries, Kubernetes and OCI calls,
/// time to converge, peak memory), printed to the test output at the end of the run.
/// </summary>
internal sealed class RunReport(SuiteMode mode)
{
    private readonly List<string> _lines = [];

    public void Add(string phase, string what, object value)
    {
        lock (_lines)
        {
            _lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {phase,-8} {what,-34} {value}"));
        }
    }

    public void AddDuration(string phase, string what, TimeSpan value) =>
        Add(phase, what, value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");

    public void AddBytes(string phase, string what, long bytes) =>
        Add(phase, what, (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB");

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Reliability run report (mode {mode.Name}, seed {mode.Seed}; replay with OCI_OPERATOR_RELIABILITY_SEED={mode.Seed})\n");
        lock (_lines)
        {
            foreach (var line in _lines)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }
}
