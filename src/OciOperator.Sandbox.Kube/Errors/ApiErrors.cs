using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Errors;

/// <summary>The apiserver's error Statuses (apimachinery <c>pkg/api/errors</c>), with its exact wording.</summary>
internal static class ApiErrors
{
    public const int MaxBodyBytes = 3 * 1024 * 1024;

    private const string ContinueTooOld =
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the "
        + "continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing "
        + "with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the "
        + "time the first chunk was returned and now may show up in the list.";

    public static ApiException NotFound(ResourceDescriptor d, string name) => NotFound(d.QualifiedResource, d.Group, d.Plural, name);

    public static ApiException NotFound(string qualifiedResource, string group, string plural, string name) =>
        new(404, "NotFound", $"{qualifiedResource} \"{name}\" not found", Details(name, group, plural));

    public static ApiException PathNotFound() =>
        new(404, "NotFound", "the server could not find the requested resource", []);

    public static ApiException AlreadyExists(ResourceDescriptor d, string name) =>
        new(409, "AlreadyExists", $"{d.QualifiedResource} \"{name}\" already exists", Details(name, d.Group, d.Plural));

    public static ApiException Conflict(ResourceDescriptor d, string name, string detail) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {d.QualifiedResource} \"{name}\": {detail}", Details(name, d.Group, d.Plural));

    public static ApiException Modified(ResourceDescriptor d, string name) =>
        Conflict(d, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiException Invalid(ResourceDescriptor d, string name, IReadOnlyList<FieldError> errors) =>
        Invalid(d.QualifiedKind, d.Group, d.Kind, name, errors);

    public static ApiException Invalid(string qualifiedKind, string group, string kind, string name, IReadOnlyList<FieldError> errors) =>
        Invalid(qualifiedKind, group, kind, name, [.. errors.Select(e => new Cause(e.Type, e.Field, e.Message))]);

    /// <summary>An Invalid Status from pre-rendered causes (for values Go prints specially, like <c>0x0</c>).</summary>
    public static ApiException Invalid(string qualifiedKind, string group, string kind, string name, IReadOnlyList<Cause> errors)
    {
        var causes = new JsonArray();
        foreach (var e in errors)
        {
            causes.Add(new JsonObject { ["reason"] = e.Reason, ["message"] = e.Message, ["field"] = e.Field });
        }

        var texts = errors.Select(e => e.Field.Length == 0 ? e.Message : e.Field + ": " + e.Message).ToList();
        var list = texts.Count == 1 ? texts[0] : "[" + string.Join(", ", texts) + "]";
        var details = Details(name, group, kind);
        details["causes"] = causes;
        return new ApiException(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: {list}", details);
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message, null);

    public static ApiException MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", []);

    public static ApiException Expired(string message) => new(410, "Expired", message, null);

    /// <summary>
    /// 410 for a <c>continue</c> token older than the compacted history, as the real server words it; the Status's
    /// <c>metadata.continue</c> carries a token that continues inconsistently (from the current state).
    /// </summary>
    public static ApiException ContinueExpired(string inconsistentContinue)
    {
        var error = new ApiException(410, "Expired", ContinueTooOld, null);
        ((JsonObject)(error.Status["metadata"] ??= new JsonObject()))["continue"] = inconsistentContinue;
        return error;
    }

    public static ApiException Forbidden(ResourceDescriptor d, string name, string detail) =>
        new(403, "Forbidden", $"{d.QualifiedResource} \"{name}\" is forbidden: {detail}", Details(name, d.Group, d.Plural));

    public static ApiException Unauthorized() => new(401, "Unauthorized", "Unauthorized", null);

    public static ApiException UnsupportedPatch(bool strategic) => new(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"
            + (strategic ? ", application/strategic-merge-patch+json" : ""),
        null);

    public static ApiException UnsupportedMediaType(string contentType) => new(
        415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (got \"{contentType}\")", null);

    public static ApiException TooLarge() =>
        new(413, "RequestEntityTooLarge", $"Request entity too large: limit is {MaxBodyBytes}", null);

    public static ApiException NotAcceptable(string accept) =>
        new(406, "NotAcceptable", $"only the following media types are accepted: application/json, application/yaml (got \"{accept}\")", null);

    private static JsonObject Details(string name, string group, string kind) => new()
    {
        ["name"] = name,
        ["group"] = group,
        ["kind"] = kind,
    };

    /// <summary>One <c>details.causes</c> entry.</summary>
    internal sealed record Cause(string Reason, string Field, string Message);
}
