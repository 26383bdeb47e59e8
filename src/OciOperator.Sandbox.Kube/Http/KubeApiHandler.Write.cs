using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Create and update: the admission pipeline every write goes through. Runs under the store lock.</summary>
internal sealed partial class KubeApiHandler
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private static readonly string[] ServerOwnedMetadata = ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "selfLink"];

    private JsonObject Create(ResourceDescriptor d, string? ns, JsonObject obj, RequestOptions options, string? managerOverride = null, JsonArray? managedFields = null)
    {
        CheckTypeMeta(d, obj);
        var meta = ObjectMeta.EnsureMetadata(obj);
        ns = ResolveNamespace(d, meta, ns, isCreate: true);
        foreach (var field in ServerOwnedMetadata)
        {
            meta.Remove(field);
        }

        meta.Remove("resourceVersion");
        var name = ObjectMeta.NameOf(obj);
        if (name.Length == 0)
        {
            var generateName = ObjectMeta.String(obj, "generateName") ?? "";
            if (generateName.Length == 0)
            {
                throw ApiErrors.Invalid(d, "", [FieldError.Required("metadata.name", "name or generateName is required")]);
            }

            name = GenerateName(d, ns, generateName);
            meta["name"] = name;
        }

        var errors = new List<FieldError>(NameValidation.Name(name, d.NameRule));
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(d, name, errors);
        }

        CheckNamespaceAcceptsContent(d, ns, name);
        if (_store.Get(d.StorageKey, ns ?? "", name) is not null)
        {
            throw ApiErrors.AlreadyExists(d, name);
        }

        if (d.HasStatus && !d.IsCustom && d.Kind is not ("CustomResourceDefinition" or "Namespace" or "Pod" or "Service"))
        {
            obj.Remove("status");
        }
        else if (d is { HasStatus: true, IsCustom: true })
        {
            obj.Remove("status");
        }

        _strategies.PrepareForCreate(d, obj, errors);
        AdmitCustom(d, obj, options);
        MetadataRules.Validate(obj, null, errors);
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(d, name, errors);
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = _lifecycle.Now();
        if (d.Generation != GenerationPolicy.None)
        {
            meta["generation"] = 1;
        }

        if (d.Kind == "CustomResourceDefinition" && !d.IsCustom)
        {
            CrdRules.SetStatus(obj, _store.List(d.StorageKey, null), _lifecycle.Now());
        }

        if (managedFields is not null)
        {
            meta["managedFields"] = managedFields;
        }
        else
        {
            RecordManagedFields(d, null, obj, managerOverride ?? options.FieldManager ?? options.UserAgentManager, null);
        }

        if (options.DryRun)
        {
            return obj;
        }

        var stored = _store.Create(d.StorageKey, ToStorage(d, obj));
        AfterCrdWrite(d, stored);
        return stored;
    }

    /// <summary>PUT (or the final step of a PATCH): returns the stored object and whether it was created.</summary>
    private (JsonObject Object, bool Created) Update(ResourceDescriptor d, ApiRequest api, JsonObject obj, RequestOptions options, bool isPatch = false, bool managedFieldsDone = false)
    {
        var name = api.Name!;
        CheckTypeMeta(d, obj);
        var meta = ObjectMeta.EnsureMetadata(obj);
        var bodyName = ObjectMeta.NameOf(obj);
        if (bodyName.Length > 0 && bodyName != name)
        {
            throw ApiErrors.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        meta["name"] = name;
        var ns = ResolveNamespace(d, meta, api.Namespace, isCreate: false);
        var stored = _store.Get(d.StorageKey, ns ?? "", name);
        if (stored is null)
        {
            if (d.AllowCreateOnUpdate && api.Subresource is null && !isPatch)
            {
                return (Create(d, ns, obj, options), true);
            }

            throw ApiErrors.NotFound(d, name);
        }

        // Updates work on the requested version's view; the result is converted back to the stored form.
        var current = UpdateBase(d, stored);
        var requestedRv = ObjectMeta.String(obj, "resourceVersion");
        if (!string.IsNullOrEmpty(requestedRv))
        {
            if (requestedRv != ObjectMeta.String(current, "resourceVersion"))
            {
                throw ApiErrors.Modified(d, name);
            }
        }
        else if (!d.AllowUnconditionalUpdate && !isPatch)
        {
            throw ApiErrors.Invalid(d.QualifiedResource, d.Group, d.Kind, name,
                [new ApiErrors.Cause(FieldErrorTypes.Invalid, "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update")]);
        }

        var uid = ObjectMeta.String(obj, "uid");
        if (!string.IsNullOrEmpty(uid) && uid != ObjectMeta.UidOf(current))
        {
            throw ApiErrors.Invalid(d, name, [FieldError.Invalid("metadata.uid", uid, "field is immutable")]);
        }

        var next = api.Subresource switch
        {
            "status" => WithStatusFrom(current, obj),
            "finalize" => WithFinalizersFrom(current, obj),
            _ => obj,
        };
        var nextMeta = ObjectMeta.EnsureMetadata(next);
        var currentMeta = ObjectMeta.Metadata(current)!;
        foreach (var field in ServerOwnedMetadata)
        {
            nextMeta.Remove(field);
            if (currentMeta[field] is { } value)
            {
                nextMeta[field] = value.DeepClone();
            }
        }

        nextMeta["namespace"] = currentMeta["namespace"]?.DeepClone();
        if (nextMeta["namespace"] is null)
        {
            nextMeta.Remove("namespace");
        }

        if (api.Subresource is null && d.HasStatus)
        {
            next["status"] = current["status"]?.DeepClone();
            if (next["status"] is null)
            {
                next.Remove("status");
            }
        }

        var errors = new List<FieldError>();
        if (api.Subresource is null)
        {
            _strategies.PrepareForUpdate(d, next, current, errors);
        }
        else if (d is { Group: "", Kind: "Service" })
        {
            _strategies.PrepareForUpdate(d, next, current, errors);
        }

        AdmitCustom(d, next, options);
        MetadataRules.Validate(next, current, errors);
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(d, name, errors);
        }

        BumpGeneration(d, current, next);
        if (d.Kind == "CustomResourceDefinition" && !d.IsCustom)
        {
            CrdRules.SetStatus(next, _store.List(d.StorageKey, null), _lifecycle.Now());
        }

        if (!managedFieldsDone)
        {
            RecordManagedFields(d, current, next, options.FieldManager ?? options.UserAgentManager, api.Subresource);
        }

        if (SameIgnoringVolatile(current, next))
        {
            return (current, false);
        }

        if (options.DryRun)
        {
            return (next, false);
        }

        if (ObjectLifecycle.IsFinalized(next))
        {
            var r = new ObjectRef(d.StorageKey, ns ?? "", name);
            _store.Update(d.StorageKey, ToStorage(d, next));
            return (_lifecycle.Remove(r) ?? next, false);
        }

        var updated = _store.Update(d.StorageKey, ToStorage(d, next));
        AfterCrdWrite(d, updated);
        return (updated, false);
    }

    private static JsonObject WithStatusFrom(JsonObject current, JsonObject body)
    {
        var next = (JsonObject)current.DeepClone();
        next["status"] = body["status"]?.DeepClone();
        if (next["status"] is null)
        {
            next.Remove("status");
        }

        if (body["metadata"]?["resourceVersion"] is { } rv)
        {
            next["metadata"]!["resourceVersion"] = rv.DeepClone();
        }

        return next;
    }

    private static JsonObject WithFinalizersFrom(JsonObject current, JsonObject body)
    {
        var next = (JsonObject)current.DeepClone();
        ((JsonObject)(next["spec"] ??= new JsonObject()))["finalizers"] = body["spec"]?["finalizers"]?.DeepClone() ?? new JsonArray();
        return next;
    }

    private void AfterCrdWrite(ResourceDescriptor d, JsonObject stored)
    {
        if (d.IsCustom || d.Kind != "CustomResourceDefinition")
        {
            return;
        }

        var established = (stored["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .Any(c => c["type"]?.ToString() == "Established" && c["status"]?.ToString() == "True") ?? false;
        if (established)
        {
            _registry.ServeCrd(stored);
        }
    }

    private static void CheckTypeMeta(ResourceDescriptor d, JsonObject obj)
    {
        var apiVersion = obj["apiVersion"] is JsonValue av && av.TryGetValue<string>(out var a) ? a : null;
        var kind = obj["kind"] is JsonValue kv && kv.TryGetValue<string>(out var k) ? k : null;
        if (!string.IsNullOrEmpty(kind) && kind != d.Kind)
        {
            throw ApiErrors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({d.Kind})");
        }

        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != d.ApiVersion && !(d.IsCustom && apiVersion.StartsWith(d.Group + "/", StringComparison.Ordinal)))
        {
            throw ApiErrors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({d.ApiVersion})");
        }

        if (obj["metadata"] is { } m && m is not JsonObject)
        {
            throw ApiErrors.BadRequest($"{d.Kind} in version \"{d.Version}\" cannot be handled as a {d.Kind}: metadata must be an object");
        }

        obj["apiVersion"] = d.ApiVersion;
        obj["kind"] = d.Kind;
    }

    private string? ResolveNamespace(ResourceDescriptor d, JsonObject meta, string? urlNamespace, bool isCreate)
    {
        if (!d.Namespaced)
        {
            meta.Remove("namespace");
            return null;
        }

        if (urlNamespace is null)
        {
            throw ApiErrors.PathNotFound();
        }

        var bodyNamespace = meta["namespace"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        if (bodyNamespace.Length > 0 && bodyNamespace != urlNamespace)
        {
            throw ApiErrors.BadRequest(isCreate
                ? "the namespace of the provided object does not match the namespace sent on the request"
                : $"the namespace of the object ({bodyNamespace}) does not match the namespace on the request ({urlNamespace})");
        }

        meta["namespace"] = urlNamespace;
        return urlNamespace;
    }

    private void CheckNamespaceAcceptsContent(ResourceDescriptor d, string? ns, string name)
    {
        if (ns is null)
        {
            return;
        }

        var nsDescriptor = _registry.Find("", "v1", "namespaces")!;
        var namespaceObject = _store.Get(nsDescriptor.StorageKey, "", ns) ?? throw ApiErrors.NotFound(nsDescriptor, ns);
        if (ObjectMeta.IsDeleting(namespaceObject))
        {
            throw ApiErrors.Forbidden(d, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }
}
