using k8s.Models;

namespace OciOperator.Sandbox.Kube.Tests.Events;

/// <summary>Test-data builders for Events through either API, about a ConfigMap in <c>default</c>.</summary>
internal static class EventBuilders
{
    public static readonly DateTime EventTime = new(2026, 11, 23, 12, 0, 0, 123, DateTimeKind.Utc);

    public static V1ObjectReference ConfigMapRef(string name, string uid = "uid-1") => new()
    {
        ApiVersion = "v1", Kind = "ConfigMap", Name = name, NamespaceProperty = "default", Uid = uid,
    };

    public static Eventsv1Event EventsV1(string name, string regarding = "cm", string reason = "Synced", string type = "Normal",
        string note = "configured the thing", string uid = "uid-1") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Regarding = ConfigMapRef(regarding, uid),
        Note = note,
        Reason = reason,
        Type = type,
        Action = "Reconcile",
        EventTime = EventTime,
        ReportingController = "oci.oracle.com/operator",
        ReportingInstance = "operator-0",
    };

    public static Corev1Event Core(string name, string involved = "cm", string reason = "Pulled", string? sourceComponent = "kubelet",
        string? reportingComponent = null, string type = "Normal") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        InvolvedObject = ConfigMapRef(involved),
        Message = "legacy message",
        Reason = reason,
        Type = type,
        Count = 3,
        FirstTimestamp = new DateTime(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc),
        LastTimestamp = new DateTime(2026, 11, 23, 11, 30, 0, DateTimeKind.Utc),
        Source = sourceComponent is null ? null : new V1EventSource { Component = sourceComponent, Host = "node-1" },
        ReportingComponent = reportingComponent,
    };
}
