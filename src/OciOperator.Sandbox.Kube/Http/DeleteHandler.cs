using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;
using OciOperator.Sandbox.Kube.Selectors;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>DELETE and DELETECOLLECTION with DeleteOptions (body or query) and preconditions.</summary>
internal sealed class DeleteHandler(ObjectStore store, ObjectLifecycle lifecycle)
{
    public async Task DeleteAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        var deleteOptions = await ReadDeleteOptionsAsync(ctx.Request, options, ct).ConfigureAwait(false);
        var (obj, removed) = lifecycle.Locked(() =>
        {
            var ns = d.Namespaced ? api.Namespace ?? "" : "";
            var current = store.Get(d.StorageKey, ns, api.Name!) ?? throw ApiErrors.NotFound(d, api.Name!);
            CheckPreconditions(d, current, deleteOptions);
            return lifecycle.Delete(new ObjectRef(d.StorageKey, ns, api.Name!), current, deleteOptions.Policy, deleteOptions.DryRun);
        });
        if (removed && !d.ReturnDeletedObject)
        {
            await ResponseWriter.WriteJsonAsync(ctx, 200, StatusObjects.Success(api.Name!, d.Group, d.Plural, ObjectMeta.UidOf(obj)), ct).ConfigureAwait(false);
            return;
        }

        await ResponseWriter.WriteObjectAsync(ctx, d, 200, obj, options, ct).ConfigureAwait(false);
    }

    public async Task DeleteCollectionAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        if (!d.Verbs.Contains("deletecollection"))
        {
            throw ApiErrors.MethodNotAllowed();
        }

        var deleteOptions = await ReadDeleteOptionsAsync(ctx.Request, options, ct).ConfigureAwait(false);
        var labels = LabelSelector.Parse(options.LabelSelector);
        var fields = ResourceFieldSelectors.Parse(d, options.FieldSelector);
        var items = lifecycle.Locked(() =>
        {
            var deleted = new List<JsonObject>();
            foreach (var obj in store.List(d.StorageKey, d.Namespaced ? api.Namespace : null))
            {
                if (labels.Matches(obj) && fields.Matches(obj, (o, f) => ResourceFieldSelectors.Resolve(d, o, f)))
                {
                    var r = new ObjectRef(d.StorageKey, ObjectMeta.NamespaceOf(obj), ObjectMeta.NameOf(obj));
                    deleted.Add(lifecycle.Delete(r, obj, deleteOptions.Policy, deleteOptions.DryRun).Object);
                }
            }

            return deleted;
        });
        await ResponseWriter.WriteListAsync(ctx, d, items, store.ResourceVersionText, null, null, ct).ConfigureAwait(false);
    }

    private static void CheckPreconditions(ResourceDescriptor d, JsonObject current, DeleteOptionsBody options)
    {
        var name = ObjectMeta.NameOf(current);
        if (options.Uid is { Length: > 0 } uid && uid != ObjectMeta.UidOf(current))
        {
            throw ApiErrors.Conflict(d, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMeta.UidOf(current)}");
        }

        if (options.ResourceVersion is { Length: > 0 } rv && rv != ObjectMeta.String(current, "resourceVersion"))
        {
            throw ApiErrors.Conflict(d, name,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {ObjectMeta.String(current, "resourceVersion")}");
        }
    }

    private static async Task<DeleteOptionsBody> ReadDeleteOptionsAsync(HttpRequest request, RequestOptions options, CancellationToken ct)
    {
        var text = await RequestBody.ReadTextAsync(request, ct).ConfigureAwait(false);
        var media = RequestBody.MediaType(request);
        var body = RequestBody.Parse(text, media is "application/yaml");
        if (body is not null and not JsonObject)
        {
            throw ApiErrors.BadRequest("the body of a DELETE must be a DeleteOptions object");
        }

        var policyText = (body?["propagationPolicy"] as JsonValue)?.ToString() ?? options.PropagationPolicy;
        var orphan = body?["orphanDependents"] is JsonValue ov && ov.TryGetValue<bool>(out var o) ? o : options.OrphanDependents;
        var policy = policyText switch
        {
            null or "" => orphan == true ? DeletionPropagation.Orphan : DeletionPropagation.Background,
            "Background" => DeletionPropagation.Background,
            "Foreground" => DeletionPropagation.Foreground,
            "Orphan" => DeletionPropagation.Orphan,
            var other => throw ApiErrors.Invalid("DeleteOptions.meta.k8s.io", "meta.k8s.io", "DeleteOptions", "",
                [FieldError.NotSupported("propagationPolicy", other, ["Foreground", "Background", "Orphan", "nil"])]),
        };
        var preconditions = body?["preconditions"] as JsonObject;
        var dryRun = options.DryRun || DryRunFromBody(body?["dryRun"]);
        return new DeleteOptionsBody(policy, (preconditions?["uid"] as JsonValue)?.ToString(), (preconditions?["resourceVersion"] as JsonValue)?.ToString(), dryRun);
    }

    /// <summary>DeleteOptions.dryRun: a list whose only allowed value is <c>All</c> (kubectl sends it in the body).</summary>
    private static bool DryRunFromBody(JsonNode? node)
    {
        if (node is null)
        {
            return false;
        }

        var values = node is JsonArray array ? array : throw ApiErrors.BadRequest("DeleteOptions.dryRun must be a list of strings");
        var dryRun = false;
        foreach (var value in values)
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";
            if (text != "All")
            {
                throw ApiErrors.Invalid("DeleteOptions.meta.k8s.io", "meta.k8s.io", "DeleteOptions", "",
                    [FieldError.NotSupported("dryRun", text, ["All"])]);
            }

            dryRun = true;
        }

        return dryRun;
    }

    private sealed record DeleteOptionsBody(DeletionPropagation Policy, string? Uid, string? ResourceVersion, bool DryRun);
}
