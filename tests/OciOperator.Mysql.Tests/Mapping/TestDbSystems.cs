using k8s.Models;
using OciOperator.Mysql.Api;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>DbSystem custom resources for the mapping tests: a fixed identity around a given spec.</summary>
internal static class TestDbSystems
{
    public const string Uid = "5f0e8d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f";
    public const string Namespace = "shop";
    public const string Name = "orders";

    public static DbSystem With(DbSystemSpec spec) => new()
    {
        Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace, Uid = Uid, Generation = 2 },
        Spec = spec,
    };

    /// <summary>The smallest valid spec (the required fields only).</summary>
    public static DbSystemSpec MinimalSpec() => new()
    {
        CompartmentId = "ocid1.compartment.oc1..c",
        ShapeName = "MySQL.2",
        SubnetId = "ocid1.subnet.oc1..s",
    };
}
