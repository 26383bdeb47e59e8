using System.Text.Json;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>
/// Golden checks of fields across the built-in kinds: JSON names, types and formats, int-or-string, maps and lists,
/// descriptions taken from KubernetesClient.xml, required fields where the models carry them, status included.
/// </summary>
public sealed class BuiltInSchemaFieldTests
{
    private const string ReplicasDescription =
        "Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.";

    [TestCaseSource(nameof(Fields))]
    public void Schema_Field_HasTypeAndFormat(string kind, string path, string? type, string? format)
    {
        var node = Node(kind, path);

        Assert.That(String(node, "type"), Is.EqualTo(type), $"{kind} {path} type");
        Assert.That(String(node, "format"), Is.EqualTo(format), $"{kind} {path} format");
    }

    [TestCaseSource(nameof(IntOrStringFields))]
    public void Schema_IntOrStringField_IsMarkedAndOffersBothTypes(string kind, string path)
    {
        var node = Node(kind, path);

        Assert.That(node.GetProperty("x-kubernetes-int-or-string").GetBoolean(), Is.True);
        Assert.That(node.TryGetProperty("type", out _), Is.False, "an int-or-string node has no type of its own");
        Assert.That(node.GetProperty("anyOf").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Is.EqualTo(new[] { "integer", "string" }));
    }

    [TestCaseSource(nameof(Descriptions))]
    public void Schema_Field_HasTheDescriptionOfTheXmlDocs(string kind, string path, string expected)
    {
        Assert.That(String(Node(kind, path), "description"), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(RequiredLists))]
    public void Schema_Object_ListsTheRequiredFieldsTheModelsCarry(string kind, string path, string[] required)
    {
        var node = Node(kind, path);
        var actual = node.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()).ToArray() : [];

        Assert.That(actual, Is.EqualTo(required), $"{kind} {path}");
    }

    [Test]
    public void Deployment_Replicas_IsOptionalInt32WithItsDescription()
    {
        var spec = Node("apps/v1/Deployment", "spec");
        var replicas = spec.GetProperty("properties").GetProperty("replicas");

        Assert.That(replicas.GetProperty("type").GetString(), Is.EqualTo("integer"));
        Assert.That(replicas.GetProperty("format").GetString(), Is.EqualTo("int32"));
        Assert.That(replicas.GetProperty("description").GetString(), Is.EqualTo(ReplicasDescription));
        Assert.That(spec.TryGetProperty("required", out var required) && required.EnumerateArray().Any(r => r.GetString() == "replicas"), Is.False);
    }

    [Test]
    public void Deployment_ObjectMeta_HasTheStandardFields()
    {
        var metadata = Node("apps/v1/Deployment", "metadata");

        Assert.That(metadata.GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[]
        {
            "annotations", "creationTimestamp", "deletionGracePeriodSeconds", "deletionTimestamp", "finalizers", "generateName",
            "generation", "labels", "managedFields", "name", "namespace", "ownerReferences", "resourceVersion", "uid",
        }));
        // The property's own description wins over its type's, as in the published OpenAPI.
        Assert.That(String(metadata, "description"), Does.StartWith("Standard object's metadata."));
    }

    [Test]
    public void CustomResourceDefinition_NestedJsonSchemaProps_IsCutToAFreeFormObject()
    {
        var root = Node("apiextensions.k8s.io/v1/CustomResourceDefinition", "spec.versions[].schema.openAPIV3Schema");
        var nested = Node("apiextensions.k8s.io/v1/CustomResourceDefinition", "spec.versions[].schema.openAPIV3Schema.properties{}");

        Assert.That(root.GetProperty("properties").TryGetProperty("x-kubernetes-int-or-string", out _), Is.True);
        Assert.That(String(nested, "type"), Is.EqualTo("object"));
        Assert.That(nested.GetProperty("x-kubernetes-preserve-unknown-fields").GetBoolean(), Is.True);
        Assert.That(nested.TryGetProperty("properties", out _), Is.False);
    }

    private static IEnumerable<TestCaseData> Fields()
    {
        (string Kind, string Path, string? Type, string? Format)[] cases =
        [
            ("apps/v1/Deployment", "apiVersion", "string", null),
            ("apps/v1/Deployment", "kind", "string", null),
            ("apps/v1/Deployment", "metadata", "object", null),
            ("apps/v1/Deployment", "spec.replicas", "integer", "int32"),
            ("apps/v1/Deployment", "spec.paused", "boolean", null),
            ("apps/v1/Deployment", "spec.selector", "object", null),
            ("apps/v1/Deployment", "spec.selector.matchLabels", "object", null),
            ("apps/v1/Deployment", "spec.selector.matchLabels{}", "string", null),
            ("apps/v1/Deployment", "spec.selector.matchExpressions[].values[]", "string", null),
            ("apps/v1/Deployment", "spec.template.spec.containers", "array", null),
            ("apps/v1/Deployment", "spec.template.spec.containers[]", "object", null),
            ("apps/v1/Deployment", "spec.template.spec.containers[].image", "string", null),
            ("apps/v1/Deployment", "spec.template.spec.containers[].name", "string", null),
            ("apps/v1/Deployment", "spec.template.spec.containers[].ports[].containerPort", "integer", "int32"),
            ("apps/v1/Deployment", "spec.template.spec.containers[].env[].valueFrom.secretKeyRef.key", "string", null),
            ("apps/v1/Deployment", "spec.template.spec.securityContext.runAsUser", "integer", "int64"),
            ("apps/v1/Deployment", "spec.template.spec.terminationGracePeriodSeconds", "integer", "int64"),
            ("apps/v1/Deployment", "status.availableReplicas", "integer", "int32"),
            ("apps/v1/Deployment", "status.observedGeneration", "integer", "int64"),
            ("apps/v1/Deployment", "status.conditions[].lastTransitionTime", "string", "date-time"),
            ("apps/v1/Deployment", "metadata.creationTimestamp", "string", "date-time"),
            ("apps/v1/Deployment", "metadata.generation", "integer", "int64"),
            ("apps/v1/Deployment", "metadata.labels{}", "string", null),
            ("apps/v1/Deployment", "metadata.ownerReferences[].controller", "boolean", null),
            ("apps/v1/Deployment", "metadata.managedFields[].fieldsV1", null, null),
            ("v1/Secret", "data", "object", null),
            ("v1/Secret", "data{}", "string", "byte"),
            ("v1/Secret", "stringData{}", "string", null),
            ("v1/Secret", "immutable", "boolean", null),
            ("v1/ConfigMap", "binaryData{}", "string", "byte"),
            ("v1/ConfigMap", "data{}", "string", null),
            ("v1/Service", "spec.ports[].port", "integer", "int32"),
            ("v1/Service", "spec.clusterIPs[]", "string", null),
            ("v1/Service", "status.loadBalancer.ingress[].ip", "string", null),
            ("v1/Pod", "spec.containers[].resources.limits", "object", null),
            ("v1/Pod", "status.containerStatuses[].restartCount", "integer", "int32"),
            ("v1/Pod", "status.startTime", "string", "date-time"),
            ("v1/Event", "eventTime", "string", "date-time"),
            ("v1/Event", "count", "integer", "int32"),
            ("v1/PersistentVolumeClaim", "spec.accessModes[]", "string", null),
            ("batch/v1/Job", "spec.backoffLimit", "integer", "int32"),
            ("batch/v1/Job", "status.succeeded", "integer", "int32"),
            ("batch/v1/CronJob", "spec.schedule", "string", null),
            ("batch/v1/CronJob", "spec.jobTemplate.spec.template.spec.restartPolicy", "string", null),
            ("batch/v1/CronJob", "status.lastScheduleTime", "string", "date-time"),
            ("coordination.k8s.io/v1/Lease", "spec.renewTime", "string", "date-time"),
            ("coordination.k8s.io/v1/Lease", "spec.leaseDurationSeconds", "integer", "int32"),
            ("autoscaling/v1/Scale", "spec.replicas", "integer", "int32"),
            ("autoscaling/v2/HorizontalPodAutoscaler", "spec.metrics[].resource.target.averageUtilization", "integer", "int32"),
            ("rbac.authorization.k8s.io/v1/ClusterRole", "rules[].verbs[]", "string", null),
            ("rbac.authorization.k8s.io/v1/RoleBinding", "roleRef.name", "string", null),
            ("networking.k8s.io/v1/Ingress", "spec.rules[].http.paths[].backend.service.port.number", "integer", "int32"),
            ("policy/v1/PodDisruptionBudget", "status.disruptionsAllowed", "integer", "int32"),
            ("apiextensions.k8s.io/v1/CustomResourceDefinition", "spec.versions[].schema.openAPIV3Schema.default", null, null),
            ("apiextensions.k8s.io/v1/CustomResourceDefinition", "spec.versions[].schema.openAPIV3Schema.maximum", "number", "double"),
        ];
        return cases.Select(c => new TestCaseData(c.Kind, c.Path, c.Type, c.Format).SetArgDisplayNames(c.Kind, c.Path));
    }

    private static IEnumerable<TestCaseData> IntOrStringFields()
    {
        (string Kind, string Path)[] cases =
        [
            ("v1/Service", "spec.ports[].targetPort"),
            ("v1/Pod", "spec.containers[].resources.limits{}"),
            ("v1/Pod", "spec.containers[].livenessProbe.httpGet.port"),
            ("apps/v1/Deployment", "spec.strategy.rollingUpdate.maxSurge"),
            ("v1/PersistentVolumeClaim", "spec.resources.requests{}"),
            ("policy/v1/PodDisruptionBudget", "spec.minAvailable"),
            ("networking.k8s.io/v1/NetworkPolicy", "spec.ingress[].ports[].port"),
        ];
        return cases.Select(c => new TestCaseData(c.Kind, c.Path).SetArgDisplayNames(c.Kind, c.Path));
    }

    private static IEnumerable<TestCaseData> Descriptions()
    {
        (string Kind, string Path, string Expected)[] cases =
        [
            ("apps/v1/Deployment", "spec.replicas", ReplicasDescription),
            ("apps/v1/Deployment", "spec.selector",
                "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels."),
            ("apps/v1/Deployment", "spec.template.spec.containers[].name",
                "Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated."),
            ("apps/v1/Deployment", "spec.template.spec.containers[]", "A single application container that you want to run within a pod."),
            ("apps/v1/Deployment", "", "Deployment enables declarative updates for Pods and ReplicaSets."),
            ("v1/Service", "spec.ports[].port", "The port that will be exposed by this service."),
            ("v1/Secret", "stringData",
                "stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience. All keys and values are merged into the data field on write, overwriting any existing values. The stringData field is never output when reading from the API."),
            ("v1/Secret", "metadata.generateName",
                "GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided. If this field is used, the name returned to the client will be different than the name passed. This value will also be combined with a unique suffix. The provided value has the same validation rules as the Name field, and may be truncated by the length of the suffix required to make the value unique on the server.\n\nIf this field is specified and the generated name exists, the server will return a 409.\n\nApplied only if Name is not specified. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#idempotency"),
            ("coordination.k8s.io/v1/Lease", "spec.renewTime", "renewTime is a time when the current holder of a lease has last updated the lease."),
        ];
        return cases.Select(c => new TestCaseData(c.Kind, c.Path, c.Expected).SetArgDisplayNames(c.Kind, c.Path.Length == 0 ? "(root)" : c.Path));
    }

    private static IEnumerable<TestCaseData> RequiredLists()
    {
        (string Kind, string Path, string[] Required)[] cases =
        [
            ("v1/Service", "spec.ports[]", ["port"]),
            ("apps/v1/Deployment", "spec.template.spec.containers[].ports[]", ["containerPort"]),
            ("apps/v1/DaemonSet", "status", ["currentNumberScheduled", "desiredNumberScheduled", "numberMisscheduled", "numberReady"]),
            ("apps/v1/StatefulSet", "status", ["replicas"]),
            ("autoscaling/v2/HorizontalPodAutoscaler", "spec", ["maxReplicas"]),
            ("autoscaling/v1/HorizontalPodAutoscaler", "status", ["currentReplicas", "desiredReplicas"]),
            ("autoscaling/v1/Scale", "status", ["replicas"]),
            ("v1/Pod", "status.containerStatuses[]", ["ready", "restartCount"]),
            ("apps/v1/Deployment", "spec", []),
            ("apps/v1/Deployment", "", []),
            ("v1/Secret", "", []),
        ];
        return cases.Select(c => new TestCaseData(c.Kind, c.Path, c.Required).SetArgDisplayNames(c.Kind, c.Path.Length == 0 ? "(root)" : c.Path));
    }

    internal static JsonElement Node(string kind, string path)
    {
        var parts = kind.Split('/');
        var found = parts.Length == 2
            ? BuiltInSchemas.TryGetSchema("", parts[0], parts[1], out var schema)
            : BuiltInSchemas.TryGetSchema(parts[0], parts[1], parts[2], out schema);
        Assert.That(found, Is.True, $"{kind} is not a built-in kind");
        var node = path.Length == 0 ? schema!.Schema : SchemaElementPaths.Find(schema!.Schema, path);
        Assert.That(node, Is.Not.Null, $"{kind}: {path} is not in the schema");
        return node!.Value;
    }

    private static string? String(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) ? value.GetString() : null;
}
