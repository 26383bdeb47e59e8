using k8s.Models;
using OciOperator.Schemas.Crd;
using OciOperator.Schemas.Tests.Crd.Models;

namespace OciOperator.Schemas.Tests.Crd;

/// <summary><see cref="CrdListTypeAttribute"/>, <see cref="CrdItemMaxLengthAttribute"/> and <c>[DefaultValue]</c> in the schema.</summary>
public sealed class ListTopologyGenerationTests
{
    private static readonly V1JSONSchemaProps Topology = OpenApiSchemaGenerator.ForObject(typeof(SampleTopology));

    [Test]
    public void ForObject_SetList_HasListTypeItemCountAndItemLength()
    {
        var tags = SchemaPaths.Find(Topology, "tags")!;

        Assert.That((tags.XKubernetesListType, tags.XKubernetesListMapKeys, tags.MaxItems, tags.MaxLength), Is.EqualTo(("set", (IList<string>?)null, (long?)4, (long?)null)));
        Assert.That(SchemaPaths.Find(Topology, "tags[]")!.MaxLength, Is.EqualTo(63));
    }

    [Test]
    public void ForObject_MapList_HasItsKeys()
    {
        var entries = SchemaPaths.Find(Topology, "entries")!;

        Assert.That(entries.XKubernetesListType, Is.EqualTo("map"));
        Assert.That(entries.XKubernetesListMapKeys, Is.EqualTo(new[] { "type" }));
        Assert.That(SchemaPaths.Find(Topology, "entries[]")!.Required, Does.Contain("type"));
    }

    [Test]
    public void ForObject_AtomicList_HasNoKeys()
    {
        var args = SchemaPaths.Find(Topology, "args")!;

        Assert.That((args.XKubernetesListType, args.XKubernetesListMapKeys), Is.EqualTo(("atomic", (IList<string>?)null)));
    }

    [TestCase("group", "kro.run")]
    [TestCase("replicas", 3)]
    public void ForObject_DefaultValue_IsTheSchemaDefault(string path, object expected)
    {
        Assert.That(SchemaPaths.Find(Topology, path)!.DefaultProperty, Is.EqualTo(expected));
    }

    [Test]
    public void Serialize_DefaultAndTopology_AppearInYaml()
    {
        var yaml = k8s.KubernetesYaml.Serialize(Topology);
        Assert.That(yaml, Does.Contain("default: kro.run").And.Contain("x-kubernetes-list-type: set").And.Contain("x-kubernetes-list-map-keys:"));
    }
}
