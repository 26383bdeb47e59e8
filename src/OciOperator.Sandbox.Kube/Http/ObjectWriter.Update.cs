using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>PUT, and the final step of every PATCH.</summary>
internal sealed partial class ObjectWriter
{
    /// <summary>PUT (or the final step of a PATCH): returns the stored object and whether it was created.</summary>
    public (JsonObject Object, bool Created) Update(ResourceDescriptor d, ApiRequest api, JsonObject obj, RequestOptions options, bool isPatch = false, bool managedFieldsDone = false)
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
        var stored = store.Get(d.StorageKey, ns ?? "", name);
        if (stored is null)
        {
            if (d.AllowCreateOnUpdate && api.Subresource is null && !isPatch)
            {
                return (Create(d, ns, obj, options), true);
            }

            throw ApiErrors.NotFound(d, name);
        }

        // Updates work on the requested version's view; the result is converted back to the stored form.
        var current = ObjectViews.UpdateBase(d, stored);
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
            "status" => WithStatusFrom(d, current, obj),
            "finalize" => WithFinalizersFrom(current, obj),
            _ => obj,
        };
        var nextMeta = ObjectMeta.EnsureMetadata(next);
        var currentMeta = ObjectMeta.Metadata(current)!;
        if (managedFieldsDone && api.Subresource is not null && ObjectMeta.Metadata(obj)?["managedFields"] is { } applied)
        {
            // A server-side apply to a subresource computed the managedFields (its own entry, per subresource): keep them,
            // or the next apply could not tell which status fields this manager stopped applying.
            nextMeta["managedFields"] = applied.DeepClone();
        }

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
            strategies.PrepareForUpdate(d, next, current, errors);
        }
        else if (d is { Group: "", Kind: "Service" })
        {
            strategies.PrepareForUpdate(d, next, current, errors);
        }

        CustomResourceAdmission.Admit(d, next, options, current);
        MetadataRules.Validate(next, current, errors);
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(d, name, errors);
        }

        if (api.Subresource != "status")
        {
            BumpGeneration(d, current, next);
        }

        if (d.Kind == "CustomResourceDefinition" && !d.IsCustom)
        {
            CrdRules.SetStatus(next, store.List(d.StorageKey, null), lifecycle.Now());
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
            strategies.DryRunDiscarded(d, next, current);
            return (next, false);
        }

        if (ObjectLifecycle.IsFinalized(next))
        {
            var r = new ObjectRef(d.StorageKey, ns ?? "", name);
            store.Update(d.StorageKey, ObjectViews.ToStorage(d, next));
            return (lifecycle.Remove(r) ?? next, false);
        }

        var updated = store.Update(d.StorageKey, ObjectViews.ToStorage(d, next));
        AfterCrdWrite(d, updated);
        return (updated, false);
    }

    /// <summary>
    /// A <c>/status</c> write takes only the status — and, for Deployments, the annotations too, as the real
    /// status strategy does (the Deployment controller records <c>deployment.kubernetes.io/revision</c> that way,
    /// without bumping the generation).
    /// </summary>
    private static JsonObject WithStatusFrom(ResourceDescriptor d, JsonObject current, JsonObject body)
    {
        var next = (JsonObject)current.DeepClone();
        next["status"] = body["status"]?.DeepClone();
        if (next["status"] is null)
        {
            next.Remove("status");
        }

        if (d is { IsCustom: false, Group: "apps", Kind: "Deployment" } && next["metadata"] is JsonObject meta)
        {
            meta["annotations"] = body["metadata"]?["annotations"]?.DeepClone();
            if (meta["annotations"] is null)
            {
                meta.Remove("annotations");
            }
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
            registry.ServeCrd(stored);
        }
    }
}
