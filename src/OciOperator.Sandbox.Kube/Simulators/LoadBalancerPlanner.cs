using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>
/// What a cloud controller would do for Services: a <c>type: LoadBalancer</c> Service without an ingress address
/// gets one from the pool after the delay (<c>spec.loadBalancerIP</c> honoured when free); the address is released
/// when the Service is deleted or stops being a LoadBalancer (its ingress is then cleared).
/// </summary>
internal sealed class LoadBalancerPlanner(LoadBalancerAddressPool pool, TimeSpan delay)
{
    private static readonly TimeSpan ExhaustedRetry = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public LoadBalancerAddressPool Pool => pool;

    public SimulatorPlan Plan(string key, JsonObject? service, DateTimeOffset now)
    {
        if (service is null)
        {
            pool.Release(key);
            _firstSeen.Remove(key);
            return SimulatorPlan.Settled;
        }

        var ingress = service["status"]?["loadBalancer"]?["ingress"] as JsonArray;
        var publishedIp = ObjectKeys.Text(ingress?.FirstOrDefault()?["ip"]);
        if (ObjectKeys.Text(service["spec"]?["type"]) != "LoadBalancer")
        {
            _firstSeen.Remove(key);
            var ours = pool.AddressOf(key);
            pool.Release(key);
            return ours is not null && publishedIp == ours
                ? SimulatorPlan.Patch(new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = null } })
                : SimulatorPlan.Settled;
        }

        if (publishedIp is not null)
        {
            _firstSeen.Remove(key);
            pool.Reserve(key, publishedIp);
            return SimulatorPlan.Settled;
        }

        if (!_firstSeen.TryGetValue(key, out var seen))
        {
            seen = now;
            _firstSeen[key] = seen;
        }

        if (now < seen + delay)
        {
            return SimulatorPlan.Recheck(seen + delay - now);
        }

        var ip = pool.Allocate(key, ObjectKeys.Text(service["spec"]?["loadBalancerIP"]));
        if (ip is null)
        {
            return SimulatorPlan.Recheck(ExhaustedRetry);
        }

        return SimulatorPlan.Patch(new JsonObject
        {
            ["loadBalancer"] = new JsonObject
            {
                ["ingress"] = new JsonArray(new JsonObject { ["ip"] = ip, ["ipMode"] = "VIP" }),
            },
        });
    }
}
