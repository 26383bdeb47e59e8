using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>
/// Per-kind defaulting and validation of the built-in kinds (what each registry strategy does in the apiserver).
/// Called with the store lock held.
/// </summary>
internal sealed partial class KindStrategies(ClusterAddressAllocator allocator)
{
    public void PrepareForCreate(ResourceDescriptor d, JsonObject obj, List<FieldError> errors)
    {
        if (d.IsCustom)
        {
            return;
        }

        switch (d.Group, d.Kind)
        {
            case ("", "Namespace"):
                NamespaceCreate(obj);
                break;
            case ("", "Secret"):
                SecretWrite(obj, null, errors);
                break;
            case ("", "ConfigMap"):
                ConfigKeys(obj, "data", errors);
                ConfigKeys(obj, "binaryData", errors);
                break;
            case ("", "Service"):
                ServiceWrite(obj, null, errors);
                break;
            case ("", "Pod"):
                PodCreate(obj);
                break;
            case ("apps", "Deployment"):
                DeploymentDefaults(obj);
                break;
            case ("batch", "Job"):
                JobDefaults(obj);
                break;
            case ("", "Event"):
                EventRules.ValidateCreate(obj, strict: false, errors);
                break;
            case (BuiltInResources.EventsGroup, "Event"):
                EventRules.ValidateCreate(EventConversion.ToCore(obj), strict: true, errors);
                break;
            case (BuiltInResources.ApiExtensionsGroup, "CustomResourceDefinition"):
                CrdRules.Validate(obj, errors);
                break;
        }
    }

    public void PrepareForUpdate(ResourceDescriptor d, JsonObject obj, JsonObject old, List<FieldError> errors)
    {
        if (d.IsCustom)
        {
            return;
        }

        switch (d.Group, d.Kind)
        {
            case ("", "Namespace"):
                NamespaceUpdate(obj, old);
                break;
            case ("", "Secret"):
                SecretWrite(obj, old, errors);
                break;
            case ("", "ConfigMap"):
                ConfigKeys(obj, "data", errors);
                ConfigKeys(obj, "binaryData", errors);
                Immutable(obj, old, "data", errors);
                Immutable(obj, old, "binaryData", errors);
                break;
            case ("", "Service"):
                ServiceWrite(obj, old, errors);
                break;
            case ("apps", "Deployment"):
                DeploymentDefaults(obj);
                break;
            case ("batch", "Job"):
                JobDefaults(obj);
                break;
            case ("", "Event"):
                EventRules.ValidateUpdate(obj, old, strict: false, errors);
                break;
            case (BuiltInResources.EventsGroup, "Event"):
                EventRules.ValidateUpdate(EventConversion.ToCore(obj), EventConversion.ToCore(old), strict: true, errors);
                break;
            case (BuiltInResources.ApiExtensionsGroup, "CustomResourceDefinition"):
                CrdRules.Validate(obj, errors);
                if (obj["spec"]?["group"]?.ToJsonString() != old["spec"]?["group"]?.ToJsonString())
                {
                    errors.Add(FieldError.Invalid("spec.group", obj["spec"]?["group"]?.DeepClone(), "field is immutable"));
                }

                break;
        }
    }

    /// <summary>Frees what a deleted object held (Service addresses).</summary>
    public void Released(ResourceDescriptor d, JsonObject obj)
    {
        if (d is { Group: "", Kind: "Service" })
        {
            var ip = obj["spec"]?["clusterIP"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var ports = (obj["spec"]?["ports"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(p => ObjectMeta.Int64(p["nodePort"]))
                .Where(p => p > 0);
            allocator.Release(ip, ports);
        }
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject o)
        {
            return o;
        }

        o = [];
        parent[name] = o;
        return o;
    }

    private static void Default(JsonObject obj, string name, JsonNode value)
    {
        if (obj[name] is null)
        {
            obj[name] = value;
        }
    }

    private static void Immutable(JsonObject obj, JsonObject old, string field, List<FieldError> errors)
    {
        if (old["immutable"] is JsonValue v && v.TryGetValue<bool>(out var immutable) && immutable
            && !JsonNode.DeepEquals(obj[field], old[field]))
        {
            errors.Add(FieldError.Forbidden(field, "field is immutable when `immutable` is set"));
        }
    }
}
