using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Errors;

/// <summary>An API request failed; <see cref="Status"/> is the apiserver-shaped body answered with <see cref="Code"/>.</summary>
internal sealed class ApiException : Exception
{
    public ApiException()
        : this(500, "InternalError", "internal error", null)
    {
    }

    public ApiException(string message)
        : this(500, "InternalError", message, null)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Status = StatusObjects.Failure(500, "InternalError", message, null);
    }

    public ApiException(int code, string reason, string message, JsonObject? details)
        : base(message)
    {
        Code = code;
        Status = StatusObjects.Failure(code, reason, message, details);
    }

    public int Code { get; }

    public JsonObject Status { get; }
}
