using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

public sealed class LoadBalancerPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    [Test]
    public void Plan_NewLoadBalancer_WaitsThenGetsFirstPoolAddress()
    {
        var planner = new LoadBalancerPlanner(new LoadBalancerAddressPool("203.0.113.0/24"), Delay);
        var service = Service("LoadBalancer");

        var first = planner.Plan("ns/a", service, T0);
        var later = planner.Plan("ns/a", service, T0.AddSeconds(1));

        Assert.That(first, Is.EqualTo(SimulatorPlan.Recheck(Delay)));
        Assert.That(later.StatusPatch!.ToJsonString(), Is.EqualTo("""{"loadBalancer":{"ingress":[{"ip":"203.0.113.1","ipMode":"VIP"}]}}"""));
    }

    [Test]
    public void Plan_TwoServices_GetUniqueAddressesAndDeletionReleases()
    {
        var pool = new LoadBalancerAddressPool("203.0.113.0/30");
        var planner = new LoadBalancerPlanner(pool, TimeSpan.Zero);

        var a = Ip(planner.Plan("ns/a", Service("LoadBalancer"), T0));
        var b = Ip(planner.Plan("ns/b", Service("LoadBalancer"), T0));
        var exhausted = planner.Plan("ns/c", Service("LoadBalancer"), T0);
        planner.Plan("ns/a", null, T0);
        var c = Ip(planner.Plan("ns/c", Service("LoadBalancer"), T0));

        Assert.That((a, b), Is.EqualTo(("203.0.113.1", "203.0.113.2")));
        Assert.That(exhausted.StatusPatch, Is.Null);
        Assert.That(exhausted.RecheckAfter, Is.Not.Null);
        Assert.That(c, Is.EqualTo("203.0.113.1"));
    }

    [Test]
    public void Plan_ClusterIpService_IsIgnored()
    {
        var planner = new LoadBalancerPlanner(new LoadBalancerAddressPool("203.0.113.0/24"), TimeSpan.Zero);

        Assert.That(planner.Plan("ns/a", Service("ClusterIP"), T0), Is.EqualTo(SimulatorPlan.Settled));
    }

    [Test]
    public void Plan_PublishedAddressAfterRelist_IsReservedNotReused()
    {
        var pool = new LoadBalancerAddressPool("203.0.113.0/24");
        var planner = new LoadBalancerPlanner(pool, TimeSpan.Zero);
        var existing = Service("LoadBalancer");
        existing["status"] = JsonNode.Parse("""{"loadBalancer":{"ingress":[{"ip":"203.0.113.1"}]}}""");

        var settled = planner.Plan("ns/old", existing, T0);
        var next = Ip(planner.Plan("ns/new", Service("LoadBalancer"), T0));

        Assert.That(settled, Is.EqualTo(SimulatorPlan.Settled));
        Assert.That(next, Is.EqualTo("203.0.113.2"));
    }

    [Test]
    public void Plan_TypeChangedAwayFromLoadBalancer_ClearsIngressAndReleases()
    {
        var pool = new LoadBalancerAddressPool("203.0.113.0/24");
        var planner = new LoadBalancerPlanner(pool, TimeSpan.Zero);
        var service = Service("LoadBalancer");
        var ip = Ip(planner.Plan("ns/a", service, T0));
        service["status"] = JsonNode.Parse($$$"""{"loadBalancer":{"ingress":[{"ip":"{{{ip}}}"}]}}""");
        service["spec"]!["type"] = "ClusterIP";

        var plan = planner.Plan("ns/a", service, T0);

        Assert.That(plan.StatusPatch!.ToJsonString(), Is.EqualTo("""{"loadBalancer":{"ingress":null}}"""));
        Assert.That(pool.Allocated, Is.Zero);
    }

    [Test]
    public void Plan_RequestedLoadBalancerIp_IsHonouredWhenFree()
    {
        var planner = new LoadBalancerPlanner(new LoadBalancerAddressPool("203.0.113.0/24"), TimeSpan.Zero);
        var service = Service("LoadBalancer");
        service["spec"]!["loadBalancerIP"] = "203.0.113.77";

        Assert.That(Ip(planner.Plan("ns/a", service, T0)), Is.EqualTo("203.0.113.77"));
    }

    [TestCase("203.0.113.0/24", "203.0.113.1")]
    [TestCase("198.51.100.8/31", "198.51.100.8")]
    [TestCase("2001:db8::/126", "2001:db8::")]
    public void AddressPool_Allocate_FirstAddress(string cidr, string expected) =>
        Assert.That(new LoadBalancerAddressPool(cidr).Allocate("k"), Is.EqualTo(expected));

    [TestCase("not-a-cidr")]
    [TestCase("203.0.113.0/33")]
    public void AddressPool_InvalidCidr_Throws(string cidr) =>
        Assert.That(() => new LoadBalancerAddressPool(cidr), Throws.ArgumentException);

    [Test]
    public void AddressPool_SameOwnerTwice_KeepsItsAddress()
    {
        var pool = new LoadBalancerAddressPool("203.0.113.0/24");
        var first = pool.Allocate("k");
        var second = pool.Allocate("k");

        Assert.That(second, Is.EqualTo(first));
        Assert.That(pool.Allocated, Is.EqualTo(1));
    }

    private static string? Ip(SimulatorPlan plan) => plan.StatusPatch?["loadBalancer"]?["ingress"]?[0]?["ip"]?.GetValue<string>();

    private static JsonObject Service(string type) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "s", ["namespace"] = "ns" },
        ["spec"] = new JsonObject { ["type"] = type },
    };
}
