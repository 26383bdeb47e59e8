using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Create and update: the admission pipeline every write goes through (type meta, names, kind strategies, custom-resource schemas, metadata rules, managed fields, generation). Runs under the store lock.</summary>
internal sealed partial class ObjectWriter(ObjectStore store, ResourceRegistry registry, KindStrategies strategies, ObjectLifecycle lifecycle, IFaultSource faults, TimeProvider time)
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private static readonly string[] ServerOwnedMetadata = ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "selfLink"];

    /// <summary>Creates the built-in namespaces.</summary>
    public void SeedNamespaces()
    {
        var d = registry.Find("", "v1", "namespaces")!;
        foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            lock (store.Gate)
            {
                if (store.Get(d.StorageKey, "", name) is null)
                {
                    var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };
                    Create(d, null, ns, new RequestOptions { FieldManager = "sandbox" });
                }
            }
        }
    }

    public JsonObject Create(ResourceDescriptor d, string? ns, JsonObject obj, RequestOptions options, string? managerOverride = null, JsonArray? managedFields = null)
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
        if (store.Get(d.StorageKey, ns ?? "", name) is not null)
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

        strategies.PrepareForCreate(d, obj, errors);
        CustomResourceAdmission.Admit(d, obj, options);
        MetadataRules.Validate(obj, null, errors);
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(d, name, errors);
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = lifecycle.Now();
        if (d.Generation != GenerationPolicy.None)
        {
            meta["generation"] = 1;
        }

        if (d.Kind == "CustomResourceDefinition" && !d.IsCustom)
        {
            CrdRules.SetStatus(obj, store.List(d.StorageKey, null), lifecycle.Now());
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
            strategies.DryRunDiscarded(d, obj, null);
            return obj;
        }

        var stored = store.Create(d.StorageKey, ObjectViews.ToStorage(d, obj));
        AfterCrdWrite(d, stored);
        return stored;
    }
}
