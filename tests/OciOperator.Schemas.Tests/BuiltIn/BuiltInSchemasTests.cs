using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>The catalogue of built-in kinds: what it knows, how it is looked up, and that what it hands out is shared safely.</summary>
public sealed class BuiltInSchemasTests
{
    [TestCaseSource(typeof(BuiltInKindCases), nameof(BuiltInKindCases.RequiredCases))]
    public void Kinds_KindTheSandboxOrGraphEngineNeeds_IsKnownWithItsPluralAndScope(string group, string version, string kind, string? plural, bool namespaced)
    {
        Assert.That(BuiltInSchemas.Kinds, Does.Contain(new BuiltInKind(group, version, kind, plural, namespaced)));
        Assert.That(BuiltInSchemas.TryGetSchema(group, version, kind, out var schema), Is.True);
        Assert.That(schema!.Kind, Is.EqualTo(new BuiltInKind(group, version, kind, plural, namespaced)));
        Assert.That(schema.Schema.GetProperty("type").GetString(), Is.EqualTo("object"));
    }

    [Test]
    public void ObjectMeta_Derived_HasTheFieldsTheirTypesAndDescriptionsAndIsTheCallersOwn()
    {
        var first = BuiltInSchemas.ObjectMeta();
        var properties = first["properties"]!.AsObject();

        Assert.That(first["type"]!.GetValue<string>(), Is.EqualTo("object"));
        Assert.That(properties.Select(p => p.Key), Is.SupersetOf(new[] { "name", "namespace", "labels", "annotations", "ownerReferences", "generation", "creationTimestamp" }));
        Assert.That(properties["generation"]!["format"]!.GetValue<string>(), Is.EqualTo("int64"));
        Assert.That(properties["labels"]!["additionalProperties"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(properties["name"]!["description"]?.GetValue<string>(), Does.Contain("Name must be unique within a namespace"));

        properties.Remove("namespace");
        Assert.That(BuiltInSchemas.ObjectMeta()["properties"]!.AsObject().ContainsKey("namespace"), Is.True, "a caller's edit reaches no other caller");
    }

    [Test]
    public void Kinds_Enumeration_IsOrderedUniqueAndHoldsNoLists()
    {
        var kinds = BuiltInSchemas.Kinds;
        var ordered = kinds.OrderBy(k => k.Group, StringComparer.Ordinal).ThenBy(k => k.Version, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal);

        Assert.That(kinds, Is.EqualTo(ordered));
        Assert.That(kinds.Select(k => (k.Group, k.Version, k.Kind)), Is.Unique);
        Assert.That(kinds.Where(k => k.Kind.EndsWith("List", StringComparison.Ordinal)), Is.Empty);
        Assert.That(kinds, Has.Count.GreaterThan(BuiltInKindCases.Required.Count));
    }

    [TestCase("apidiscovery.k8s.io", "v2", "APIGroupDiscovery")]
    [TestCase("", "v1", "Node")]
    [TestCase("authorization.k8s.io", "v1", "LocalSubjectAccessReview")]
    [TestCase("authorization.k8s.io", "v1", "SelfSubjectAccessReview")]
    [TestCase("storage.k8s.io", "v1", "StorageClass")]
    public void Kinds_ScopeAndServing_FollowTheClientsOperations(string group, string version, string kind)
    {
        var found = BuiltInSchemas.Kinds.Where(k => k.Group == group && k.Version == version && k.Kind == kind).ToList();

        // Discovery documents are no served kind; the others are namespaced exactly when the client names a namespace.
        bool? expected = kind switch
        {
            "APIGroupDiscovery" => null,
            "LocalSubjectAccessReview" => true,
            _ => false,
        };
        Assert.That(found.Count == 0 ? (bool?)null : found.Single().Namespaced, Is.EqualTo(expected));
    }

    [TestCase("apps", "v1", "Deployment", typeof(V1Deployment))]
    [TestCase("autoscaling", "v2", "HorizontalPodAutoscaler", typeof(V2HorizontalPodAutoscaler))]
    [TestCase("autoscaling", "v1", "HorizontalPodAutoscaler", typeof(V1HorizontalPodAutoscaler))]
    [TestCase("", "v1", "Event", typeof(Corev1Event))]
    [TestCase("events.k8s.io", "v1", "Event", typeof(Eventsv1Event))]
    public void TryGetSchema_Kind_IsDerivedFromItsModelType(string group, string version, string kind, Type modelType)
    {
        Assert.That(BuiltInSchemas.TryGetSchema(group, version, kind, out var schema), Is.True);
        Assert.That(schema!.ModelType, Is.EqualTo(modelType));
    }

    [TestCase("apps", "v1", "Deploymentz")]
    [TestCase("apps", "v2", "Deployment")]
    [TestCase("", "v1", "Deployment")]
    [TestCase("mysql.oracle.com", "v1beta1", "DbSystem")]
    [TestCase("", "v1", "PodList")]
    [TestCase("", "v1", "Status")]
    [TestCase("", "v1", "pod")]
    public void TryGet_NotABuiltInKind_ReturnsFalse(string group, string version, string kind)
    {
        Assert.That(BuiltInSchemas.TryGet(group, version, kind, out JsonObject? json), Is.False);
        Assert.That(json, Is.Null);
        Assert.That(BuiltInSchemas.TryGetSchema(group, version, kind, out var schema), Is.False);
        Assert.That(schema, Is.Null);
    }

    [TestCase("v1", "Pod", "", "v1")]
    [TestCase("apps/v1", "Deployment", "apps", "v1")]
    [TestCase("rbac.authorization.k8s.io/v1", "ClusterRole", "rbac.authorization.k8s.io", "v1")]
    public void TryGetSchema_ByApiVersion_SplitsGroupAndVersion(string apiVersion, string kind, string group, string version)
    {
        Assert.That(BuiltInSchemas.TryGetSchema(apiVersion, kind, out var schema), Is.True);
        Assert.That(schema!.Kind.Group, Is.EqualTo(group));
        Assert.That(schema.Kind.Version, Is.EqualTo(version));
        Assert.That(schema.Kind.ApiVersion, Is.EqualTo(apiVersion));
    }

    [Test]
    public void TryGetSchema_AskedTwice_ReturnsTheSameBuiltSchema()
    {
        BuiltInSchemas.TryGetSchema("apps", "v1", "StatefulSet", out var first);
        BuiltInSchemas.TryGetSchema("apps", "v1", "StatefulSet", out var second);

        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void TryGet_CallerChangesItsJsonObject_OthersStillSeeTheOriginal()
    {
        BuiltInSchemas.TryGet("", "v1", "ConfigMap", out JsonObject? mine);
        mine!["type"] = "string";
        mine["properties"]!.AsObject().Remove("data");

        BuiltInSchemas.TryGet("", "v1", "ConfigMap", out JsonObject? theirs);

        Assert.That(theirs, Is.Not.SameAs(mine));
        Assert.That(theirs!["type"]!.GetValue<string>(), Is.EqualTo("object"));
        Assert.That(theirs["properties"]!.AsObject().ContainsKey("data"), Is.True);
        Assert.That(BuiltInSchemas.TryGetSchema("", "v1", "ConfigMap", out var shared) && shared.Schema.GetProperty("properties").TryGetProperty("data", out _), Is.True);
    }

    [Test]
    public void TryGet_JsonObject_EqualsTheImmutableSchema()
    {
        BuiltInSchemas.TryGet("batch", "v1", "CronJob", out JsonObject? json);
        BuiltInSchemas.TryGetSchema("batch", "v1", "CronJob", out var schema);

        Assert.That(json!.ToJsonString(), Is.EqualTo(schema!.Schema.GetRawText()));
    }

    [Test]
    public void Catalog_ManyThreadsAskAtOnce_EachKindIsBuiltOnce()
    {
        var catalog = new BuiltInSchemaCatalog();
        var kinds = new[] { ("apps", "v1", "Deployment"), ("", "v1", "Service"), ("batch", "v1", "Job"), ("", "v1", "Secret") };
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Kind, BuiltInSchema Schema)>();

        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (group, version, kind) = kinds[i % kinds.Length];
            if (catalog.TryGet(group, version, kind, out var schema))
            {
                seen.Add((kind, schema!));
            }
        });

        Assert.That(seen, Has.Count.EqualTo(64));
        foreach (var group in seen.GroupBy(s => s.Kind))
        {
            Assert.That(group.Select(s => s.Schema).Distinct(), Has.Exactly(1).Items, group.Key);
        }
    }

    [Test]
    public void Schema_ForAnyKind_HasItsGroupVersionKindExtension()
    {
        BuiltInSchemas.TryGetSchema("networking.k8s.io", "v1", "Ingress", out var schema);

        var gvk = schema!.Schema.GetProperty("x-kubernetes-group-version-kind").EnumerateArray().Single();

        Assert.That(gvk.GetProperty("group").GetString(), Is.EqualTo("networking.k8s.io"));
        Assert.That(gvk.GetProperty("version").GetString(), Is.EqualTo("v1"));
        Assert.That(gvk.GetProperty("kind").GetString(), Is.EqualTo("Ingress"));
    }

    [Test]
    public void Schema_Serialized_IsPlainJsonWithoutRefs()
    {
        BuiltInSchemas.TryGetSchema("", "v1", "Pod", out var schema);

        var text = schema!.Schema.GetRawText();

        Assert.That(text, Does.Not.Contain("$ref"));
        Assert.That(JsonDocument.Parse(text).RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object));
    }
}
