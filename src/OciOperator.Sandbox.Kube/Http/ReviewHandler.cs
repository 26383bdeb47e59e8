using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// SelfSubjectAccessReview and SelfSubjectRulesReview: the Sandbox authorises every request, so every review answers
/// "allowed" (what <c>kubectl auth can-i</c> asks). Reviews are answered, never stored.
/// </summary>
internal static class ReviewHandler
{
    private const string Reason = "the Sandbox authorizes every request";

    public static async Task HandleAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, CancellationToken ct)
    {
        if (ctx.Request.Method != "POST" || api.Name is not null)
        {
            throw ApiErrors.MethodNotAllowed();
        }

        var body = await RequestBody.ReadObjectAsync(ctx.Request, d.Kind, ct).ConfigureAwait(false);
        if (body["kind"] is JsonValue k && k.ToString() is { Length: > 0 } kind && kind != d.Kind)
        {
            throw ApiErrors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({d.Kind})");
        }

        var answer = new JsonObject
        {
            ["kind"] = d.Kind,
            ["apiVersion"] = d.ApiVersion,
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = body["spec"]?.DeepClone() ?? new JsonObject(),
            ["status"] = d.Kind == "SelfSubjectRulesReview" ? AllRules() : new JsonObject { ["allowed"] = true, ["reason"] = Reason },
        };
        await ResponseWriter.WriteJsonAsync(ctx, 201, answer, ct).ConfigureAwait(false);
    }

    private static JsonObject AllRules() => new()
    {
        ["resourceRules"] = new JsonArray(new JsonObject
        {
            ["verbs"] = new JsonArray("*"),
            ["apiGroups"] = new JsonArray("*"),
            ["resources"] = new JsonArray("*"),
        }),
        ["nonResourceRules"] = new JsonArray(new JsonObject
        {
            ["verbs"] = new JsonArray("*"),
            ["nonResourceURLs"] = new JsonArray("*"),
        }),
        ["incomplete"] = false,
    };
}
