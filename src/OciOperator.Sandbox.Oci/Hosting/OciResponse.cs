using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Oci.Hosting;

/// <summary>An emulated OCI answer: status, JSON body (or none) and the OCI headers to send.</summary>
/// <param name="Text">A plain-text body (the metadata service's PEM and region answers) instead of JSON.</param>
internal sealed record OciResponse(int Status, JsonNode? Body, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Text = null)
{
    public static OciResponse PlainText(string text) => new(200, null, [], text);

    public string? ErrorCode => Status >= 400 ? (string?)Body?["code"] : null;

    public static OciResponse Ok(JsonNode? body, params KeyValuePair<string, string>[] headers) => new(200, body, headers);

    public static OciResponse Error(int status, string code, string message, params KeyValuePair<string, string>[] headers) =>
        new(status, new JsonObject { ["code"] = code, ["message"] = message }, headers);

    public static OciResponse NotFound(string what) =>
        Error(404, "NotAuthorizedOrNotFound", $"{what} not found or you are not authorized to access it.");

    /// <summary>
    /// OCI's answer for a compartment that does not exist (or that the caller may not use; OCI does not say which):
    /// the same code and message as for any resource it will not reveal.
    /// </summary>
    public static OciResponse CompartmentNotFound() =>
        Error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found");

    public static OciResponse Invalid(string message) => Error(400, "InvalidParameter", message);

    public static OciResponse Missing(string name) => Error(400, "MissingParameter", $"The required parameter '{name}' is missing.");

    public static KeyValuePair<string, string> Header(string name, string value) => new(name, value);
}
