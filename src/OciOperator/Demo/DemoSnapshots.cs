using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;
using OciOperator.Mysql.Api;
using OciOperator.Runtime.Client;

namespace OciOperator.Demo;

/// <summary>
/// Reads each kind the walkthrough creates into a <see cref="DemoSnapshot"/>: the one place that knows which status
/// fields say "ready" for a person (they match the seed RGD's <c>readyWhen</c> expressions).
/// </summary>
internal static class DemoSnapshots
{
    public static DemoSnapshot Of(V1Namespace ns) =>
        new(V1Namespace.KubeKind, ns.Name(), ns.Status?.Phase == "Terminating" ? DemoPhase.Progressing : DemoPhase.Ready, ns.Status?.Phase == "Terminating" ? "terminating" : string.Empty);

    public static DemoSnapshot Of(V1Secret secret) => new(V1Secret.KubeKind, secret.Name(), DemoPhase.Ready);

    /// <summary>A DbSystem: its OCI lifecycle state, as the DbSystem controller projects it; ready when ACTIVE.</summary>
    public static DemoSnapshot Of(DbSystem db)
    {
        var status = db.Status;
        var last = status?.Status.Conditions is { Count: > 0 } conditions ? conditions[^1] : null;
        var state = status?.LifecycleState ?? string.Empty;
        if (state == "ACTIVE")
        {
            return new(DbSystem.KubeKind, db.Name(), DemoPhase.Ready, state, status!.IpAddress is { Length: > 0 } ip ? $"private IP {ip}" : null);
        }

        if (state == "FAILED" || last?.Type == DbSystemConditionType.Failed)
        {
            var message = status?.Status.Message ?? last?.Message ?? status?.LifecycleDetails;
            return new(DbSystem.KubeKind, db.Name(), DemoPhase.Failed, state.Length > 0 ? state : DbSystemConditionType.Failed, message);
        }

        return state.Length > 0
            ? new(DbSystem.KubeKind, db.Name(), DemoPhase.Progressing, state)
            : new(DbSystem.KubeKind, db.Name(), DemoPhase.Created);
    }

    /// <summary>A Job: ready when one Pod succeeded (the seed's <c>status.succeeded &gt; 0</c>).</summary>
    public static DemoSnapshot Of(V1Job job)
    {
        var status = job.Status;
        if (status?.Succeeded > 0)
        {
            return new(V1Job.KubeKind, job.Name(), DemoPhase.Ready, "succeeded");
        }

        if (status?.Conditions?.FirstOrDefault(c => c.Type == "Failed" && c.Status == "True") is { } failed)
        {
            return new(V1Job.KubeKind, job.Name(), DemoPhase.Failed, "failed", failed.Message ?? failed.Reason);
        }

        return status?.Active > 0
            ? new(V1Job.KubeKind, job.Name(), DemoPhase.Progressing, "running")
            : new(V1Job.KubeKind, job.Name(), DemoPhase.Created);
    }

    /// <summary>A Deployment: ready when a replica is available (the seed's <c>status.availableReplicas &gt; 0</c>).</summary>
    public static DemoSnapshot Of(V1Deployment deployment)
    {
        var status = deployment.Status;
        var wanted = deployment.Spec?.Replicas ?? 1;
        if (status?.AvailableReplicas > 0)
        {
            return new(V1Deployment.KubeKind, deployment.Name(), DemoPhase.Ready, Invariant($"available {status.AvailableReplicas}/{wanted}"));
        }

        if (status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing" && c.Status == "False") is { } stuck)
        {
            return new(V1Deployment.KubeKind, deployment.Name(), DemoPhase.Failed, "not progressing", stuck.Message ?? stuck.Reason);
        }

        return new(V1Deployment.KubeKind, deployment.Name(), DemoPhase.Created);
    }

    /// <summary>A Service: a LoadBalancer is ready when it has an ingress address; other types when they exist.</summary>
    public static DemoSnapshot Of(V1Service service)
    {
        if (LoadBalancerAddress(service) is { } address)
        {
            return new(V1Service.KubeKind, service.Name(), DemoPhase.Ready, $"LoadBalancer IP {address}");
        }

        return service.Spec?.Type == "LoadBalancer"
            ? new(V1Service.KubeKind, service.Name(), DemoPhase.Created)
            : new(V1Service.KubeKind, service.Name(), DemoPhase.Ready);
    }

    /// <summary>A ResourceGraphDefinition: ready when kro's <c>status.state</c> is Active; Inactive carries the reason.</summary>
    public static DemoSnapshot OfRgd(UnstructuredObject rgd)
    {
        ArgumentNullException.ThrowIfNull(rgd);
        var state = Text(rgd["status"]?["state"]);
        return state switch
        {
            DemoStates.RgdActive => new(rgd.Kind, rgd.Metadata.Name, DemoPhase.Ready, state, Text(rgd["spec"]?["schema"]?["kind"]) is { Length: > 0 } kind ? $"serving kind {kind}" : null),
            DemoStates.RgdInactive when Blocking(rgd) is { } blocking && !DemoStates.RgdWaitingReasons.Contains(blocking.Reason)
                => new(rgd.Kind, rgd.Metadata.Name, DemoPhase.Failed, state, blocking.Message),
            DemoStates.RgdInactive => new(rgd.Kind, rgd.Metadata.Name, DemoPhase.Progressing, "waiting", Blocking(rgd)?.Message),
            _ => new(rgd.Kind, rgd.Metadata.Name, DemoPhase.Created),
        };
    }

    /// <summary>An instance of the RGD's kind: kro's <c>status.state</c> (IN_PROGRESS, ACTIVE, ERROR, DELETING).</summary>
    public static DemoSnapshot OfInstance(UnstructuredObject instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = Text(instance["status"]?["state"]);
        return state switch
        {
            DemoStates.InstanceActive => new(instance.Kind, instance.Metadata.Name, DemoPhase.Ready, state),
            DemoStates.InstanceError => new(instance.Kind, instance.Metadata.Name, DemoPhase.Failed, state, FalseConditionMessage(instance)),
            { Length: > 0 } => new(instance.Kind, instance.Metadata.Name, DemoPhase.Progressing, state),
            _ => new(instance.Kind, instance.Metadata.Name, DemoPhase.Created),
        };
    }

    /// <summary>The walkthrough's result: the instance's <c>status.wordpressSvcIP</c>, once the engine projected it.</summary>
    public static string? WordPressAddress(UnstructuredObject instance) =>
        Text(instance?["status"]?[DemoWalkthrough.AddressField]) is { Length: > 0 } address ? address : null;

    private static string? LoadBalancerAddress(V1Service service) =>
        service.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip ?? i.Hostname).FirstOrDefault(a => !string.IsNullOrEmpty(a));

    // The message of the first condition that is not True (kro puts the reason an RGD is Inactive or an instance is
    // in ERROR there); null when every condition is True or none has a message.
    private static string? FalseConditionMessage(UnstructuredObject obj) =>
        Conditions(obj).Where(c => Text(c["status"]) != "True").Select(c => Text(c["message"])).FirstOrDefault(m => m.Length > 0);

    // What keeps an RGD Inactive: its first False condition, else its first one that is not True (Unknown while the
    // controller works), as kro derives Ready.
    private static (string Reason, string? Message)? Blocking(UnstructuredObject rgd)
    {
        var conditions = Conditions(rgd).Where(c => c["type"] is not null && Text(c["type"]) != "Ready").ToList();
        var blocking = conditions.FirstOrDefault(c => Text(c["status"]) == "False") ?? conditions.FirstOrDefault(c => Text(c["status"]) != "True");
        return blocking is null ? null : (Text(blocking["reason"]), Text(blocking["message"]) is { Length: > 0 } message ? message : null);
    }

    private static IEnumerable<JsonObject> Conditions(UnstructuredObject obj) =>
        (obj["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
