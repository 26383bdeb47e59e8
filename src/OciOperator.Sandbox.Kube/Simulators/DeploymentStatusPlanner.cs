using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>
/// What the Deployment controller and kubelet would make of a Deployment, in two steps per rollout: at once it
/// observes the generation and creates the new ReplicaSet (<c>observedGeneration</c>, <c>replicas</c>,
/// <c>updatedReplicas</c>, Progressing <c>ReplicaSetUpdated</c>); after the rollout delay the pods are ready
/// (<c>readyReplicas</c> = <c>availableReplicas</c> = <c>spec.replicas</c>, Available <c>MinimumReplicasAvailable</c>,
/// Progressing <c>NewReplicaSetAvailable</c>). A later scale or template change starts a new rollout.
/// Remembers when each rollout started; <see cref="Forget"/> on deletion.
/// </summary>
internal sealed class DeploymentStatusPlanner(TimeSpan rolloutDelay)
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
    private readonly Dictionary<string, DateTimeOffset> _rolloutStarted = new(StringComparer.Ordinal);

    public int Tracked => _rolloutStarted.Count;

    public SimulatorPlan Plan(string key, JsonObject? deployment, DateTimeOffset now)
    {
        if (deployment is null)
        {
            Forget(key);
            return SimulatorPlan.Settled;
        }

        var generation = ObjectKeys.Integer(deployment["metadata"]?["generation"]) ?? 1;
        var desired = Math.Max(0, ObjectKeys.Integer(deployment["spec"]?["replicas"]) ?? 1);
        var status = deployment["status"] as JsonObject;
        var observed = ObjectKeys.Integer(status?["observedGeneration"]);
        var replicas = ObjectKeys.Integer(status?["replicas"]) ?? 0;
        var updated = ObjectKeys.Integer(status?["updatedReplicas"]) ?? 0;
        var ready = ObjectKeys.Integer(status?["readyReplicas"]) ?? 0;
        var available = ObjectKeys.Integer(status?["availableReplicas"]) ?? 0;
        var replicaSet = ReplicaSetName(deployment);

        if (observed != generation || replicas != desired || updated != desired)
        {
            _rolloutStarted[key] = now;
            ready = Math.Min(ready, desired);
            available = Math.Min(available, desired);
            var conditions = StatusConditions.With(status?["conditions"], "Progressing", "True", "ReplicaSetUpdated",
                $"ReplicaSet \"{replicaSet}\" is progressing.", now, "lastUpdateTime");
            conditions = WithAvailability(conditions, desired, available, now);
            return SimulatorPlan.Patch(Counts(generation, desired, ready, available, conditions), rolloutDelay);
        }

        var progressing = StatusConditions.Find(status?["conditions"], "Progressing");
        if (ready == desired && available == desired && ObjectKeys.Text(progressing?["reason"]) == "NewReplicaSetAvailable")
        {
            Forget(key);
            return SimulatorPlan.Settled;
        }

        if (!_rolloutStarted.TryGetValue(key, out var started))
        {
            started = now;
            _rolloutStarted[key] = started;
        }

        var due = started + rolloutDelay;
        if (now < due)
        {
            return SimulatorPlan.Recheck(due - now);
        }

        Forget(key);
        var done = StatusConditions.With(status?["conditions"], "Progressing", "True", "NewReplicaSetAvailable",
            $"ReplicaSet \"{replicaSet}\" has successfully progressed.", now, "lastUpdateTime");
        done = WithAvailability(done, desired, desired, now);
        return SimulatorPlan.Patch(Counts(generation, desired, desired, desired, done));
    }

    public void Forget(string key) => _rolloutStarted.Remove(key);

    private static JsonObject Counts(long generation, long desired, long ready, long available, JsonArray conditions) => new()
    {
        ["observedGeneration"] = generation,
        ["replicas"] = desired,
        ["updatedReplicas"] = desired,
        ["readyReplicas"] = ready == 0 ? null : ready,
        ["availableReplicas"] = available == 0 ? null : available,
        ["unavailableReplicas"] = desired - available > 0 ? desired - available : null,
        ["conditions"] = conditions,
    };

    /// <summary>Available while at least <c>replicas - floor(25% of replicas)</c> pods are available (default maxUnavailable).</summary>
    private static JsonArray WithAvailability(JsonArray conditions, long desired, long available, DateTimeOffset now)
    {
        var minimum = desired - (desired / 4);
        return available >= minimum
            ? StatusConditions.With(conditions, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now, "lastUpdateTime")
            : StatusConditions.With(conditions, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now, "lastUpdateTime");
    }

    /// <summary><c>name-podTemplateHash</c>: FNV-32a of the template, "safe-encoded" as the controller does.</summary>
    internal static string ReplicaSetName(JsonObject deployment)
    {
        var name = ObjectKeys.Text(deployment["metadata"]?["name"]) ?? "";
        var template = deployment["spec"]?["template"]?.ToJsonString() ?? "{}";
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(template))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        var digits = hash.ToString(CultureInfo.InvariantCulture);
        var encoded = new StringBuilder(digits.Length);
        foreach (var c in digits)
        {
            encoded.Append(Alphabet[c % Alphabet.Length]);
        }

        return name + "-" + encoded;
    }
}
