using System.Net;

namespace OciOperator.Sandbox.Kube.Simulators.Client;

/// <summary>A Kubernetes API answer that was not a success (status code and the Status message).</summary>
internal sealed class KubeRequestException : Exception
{
    public KubeRequestException()
    {
    }

    public KubeRequestException(string message)
        : base(message)
    {
    }

    public KubeRequestException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public KubeRequestException(HttpStatusCode statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode StatusCode { get; }
}
