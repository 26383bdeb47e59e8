using System.Net;
using k8s.Models;

namespace OciOperator.Runtime.Client;

/// <summary>A non-success answer from the API server, with its Status object when it sent one.</summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException()
    {
    }

    public KubeApiException(string message)
        : base(message)
    {
    }

    public KubeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubeApiException(HttpStatusCode statusCode, V1Status? status, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Status = status;
    }

    public HttpStatusCode StatusCode { get; }

    public V1Status? Status { get; }

    public bool IsConflict => StatusCode == HttpStatusCode.Conflict;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    public bool IsGone => StatusCode == HttpStatusCode.Gone;

    public bool IsAlreadyExists => StatusCode == HttpStatusCode.Conflict && Status?.Reason == "AlreadyExists";
}
