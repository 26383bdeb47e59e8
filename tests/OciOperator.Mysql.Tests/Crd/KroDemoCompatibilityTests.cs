using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Secrets;
using OciOperator.Mysql.Tests.Support;
using OciOperator.Schemas.Crd;
using OciOperator.Schemas.Tests.Crd;

namespace OciOperator.Mysql.Tests.Crd;

/// <summary>
/// The seed kro RGD (<c>fixtures/seed/osok_kro_demo_rgd.yaml</c>) only uses DbSystem fields the CRD declares, with the
/// types its expressions need, and only endpoint Secret keys the operator writes.
/// </summary>
public sealed partial class KroDemoCompatibilityTests
{
    private static readonly V1JSONSchemaProps Root =
        CustomResourceDefinitionGenerator.Generate(typeof(DbSystem)).Spec.Versions[0].Schema.OpenAPIV3Schema;

    private static readonly List<Dictionary<object, object>> Resources = LoadResources();

    [Test]
    public void DbSystemTemplate_EverySpecPath_IsInTheSchema()
    {
        var template = Resource("mysqlDbSystem");
        var spec = (Dictionary<object, object>)template["spec"];

        var paths = LeafPaths(spec, "spec").ToList();
        var unknown = paths.Where(p => SchemaPaths.Find(Root, p) is null).ToList();

        Assert.That(template["apiVersion"], Is.EqualTo(DbSystem.ApiGroupVersion));
        Assert.That(template["kind"], Is.EqualTo(DbSystem.KubeKind));
        Assert.That(paths, Has.Count.GreaterThanOrEqualTo(11));
        Assert.That(unknown, Is.Empty);
    }

    [Test]
    public void DbSystemReadyWhen_ReadsStatusLifecycleState_TypedString()
    {
        var readyWhen = ReadyWhen("mysqlDbSystem");

        Assert.That(readyWhen, Does.Contain("mysqlDbSystem.status.?lifecycleState"));
        Assert.That(SchemaPaths.Find(Root, "status.lifecycleState")?.Type, Is.EqualTo("string"));
    }

    [Test]
    public void SecretKeyRefsToTheDbSystem_UseEndpointSecretKeys()
    {
        var yaml = File.ReadAllText(RepositoryPaths.SeedFixture("osok_kro_demo_rgd.yaml"));

        var keys = SecretKeyRefToDbSystem().Matches(yaml).Select(m => m.Groups["key"].Value).Distinct().ToList();

        Assert.That(keys, Is.Not.Empty);
        Assert.That(keys, Is.SubsetOf(EndpointSecretKeys.All));
    }

    [GeneratedRegex(@"name: \$\{mysqlDbSystem\.metadata\.name\}\s+key: (?<key>\S+)")]
    private static partial Regex SecretKeyRefToDbSystem();

    private static Dictionary<object, object> Resource(string id) =>
        (Dictionary<object, object>)Resources.Single(r => (string)r["id"] == id)["template"];

    private static string ReadyWhen(string id) =>
        string.Join("\n", ((List<object>)Resources.Single(r => (string)r["id"] == id)["readyWhen"]).Cast<string>());

    private static IEnumerable<string> LeafPaths(Dictionary<object, object> node, string path)
    {
        foreach (var (key, value) in node)
        {
            var child = $"{path}.{key}";
            if (value is Dictionary<object, object> map)
            {
                foreach (var inner in LeafPaths(map, child))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return child;
            }
        }
    }

    private static List<Dictionary<object, object>> LoadResources()
    {
        var rgd = KubernetesYaml.Deserialize<Dictionary<object, object>>(File.ReadAllText(RepositoryPaths.SeedFixture("osok_kro_demo_rgd.yaml")));
        var spec = (Dictionary<object, object>)rgd["spec"];
        return ((List<object>)spec["resources"]).Cast<Dictionary<object, object>>().ToList();
    }
}
