using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using OciOperator.Runtime.Client;

namespace OciOperator.Tests.Scale;

/// <summary>
/// The timeline of one instance as a watcher sees it: every change of the instance and of its children (creation,
/// the readiness fields the graph waits on, deletion) with the time since the instance was applied.
/// </summary>
internal sealed class InstanceTimeline(Stopwatch clock, string prefix)
{
    private readonly ConcurrentQueue<(TimeSpan At, string Line)> _lines = new();
    private readonly ConcurrentDictionary<string, string> _last = new(StringComparer.Ordinal);

    /// <summary>The watch callback: records the object when it is the instance or one of its children and what matters changed.</summary>
    public void Seen(string eventType, UnstructuredObject obj)
    {
        var name = obj.Metadata.Name;
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return;
        }

        var summary = eventType == "DELETED" ? "deleted" : Summary(obj);
        var key = obj.Kind + "/" + name;
        if (_last.TryGetValue(key, out var previous) && previous == summary)
        {
            return;
        }

        _last[key] = summary;
        _lines.Enqueue((clock.Elapsed, $"{obj.Kind,-15} {name,-32} {summary}"));
    }

    public void Note(string line) => _lines.Enqueue((clock.Elapsed, line));

    public string Render(TimeSpan origin)
    {
        var text = new StringBuilder();
        foreach (var (at, line) in _lines.OrderBy(l => l.At))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {(at - origin).TotalMilliseconds,8:F0} ms  {line}").Append('\n');
        }

        return text.ToString();
    }

    private static string Summary(UnstructuredObject obj)
    {
        var status = obj["status"];
        var deleting = obj.Metadata.DeletionTimestamp is null ? "" : " (deleting)";
        return obj.Kind switch
        {
            "DbSystem" => $"lifecycleState={status?["lifecycleState"]} ready={Condition(status?["status"]?["conditions"], "Ready")}{deleting}",
            "Job" => $"active={status?["active"]} succeeded={status?["succeeded"]}{deleting}",
            "Deployment" => $"availableReplicas={status?["availableReplicas"]}{deleting}",
            "Service" => $"ingress={status?["loadBalancer"]?["ingress"]?[0]?["ip"]}{deleting}",
            "Secret" => "exists" + deleting,
            _ => $"state={status?["state"]} wordpressSvcIP={status?["wordpressSvcIP"]}{deleting}",
        };
    }

    private static string Condition(System.Text.Json.Nodes.JsonNode? conditions, string type) =>
        conditions is System.Text.Json.Nodes.JsonArray list
            ? list.FirstOrDefault(c => c?["type"]?.GetValue<string>() == type)?["status"]?.GetValue<string>() ?? "-"
            : "-";
}
