using System.Globalization;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>
/// A patch could not be applied. <see cref="StatusCode"/> is the HTTP code the API server answers with
/// (400 malformed patch, 409 apply conflict, 415 unsupported patch type, 422 patch not applicable);
/// <see cref="ToStatus"/> renders the apiserver's <c>Status</c> body. Messages never contain field values.
/// </summary>
internal sealed class PatchException : Exception
{
    public PatchException()
        : this(400, "patch could not be applied")
    {
    }

    public PatchException(string message)
        : this(400, message)
    {
    }

    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Reason = ReasonFor(400);
        Causes = [];
    }

    public PatchException(int statusCode, string message, IReadOnlyList<PatchCause>? causes = null)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = ReasonFor(statusCode);
        Causes = causes ?? [];
    }

    /// <summary>HTTP status code: 400, 409, 415 or 422.</summary>
    public int StatusCode { get; }

    /// <summary>The Status <c>reason</c>: BadRequest, Conflict, UnsupportedMediaType or Invalid.</summary>
    public string Reason { get; }

    /// <summary>The Status <c>details.causes</c> (field conflicts for server-side apply).</summary>
    public IReadOnlyList<PatchCause> Causes { get; }

    internal static PatchException BadRequest(string message) => new(400, message);

    internal static PatchException Unprocessable(string message) => new(422, message);

    /// <summary>The apiserver's <c>Status</c> object for this error.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Causes.Count > 0)
        {
            var causes = new JsonArray();
            foreach (var cause in Causes)
            {
                causes.Add(new JsonObject
                {
                    ["reason"] = cause.Reason,
                    ["message"] = cause.Message,
                    ["field"] = cause.Field,
                });
            }

            status["details"] = new JsonObject { ["causes"] = causes };
        }

        status["code"] = StatusCode;
        return status;
    }

    private static string ReasonFor(int statusCode) => statusCode switch
    {
        400 => "BadRequest",
        409 => "Conflict",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        _ => statusCode.ToString(CultureInfo.InvariantCulture),
    };
}
