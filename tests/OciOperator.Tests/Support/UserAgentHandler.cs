using System.Net.Http.Headers;

namespace OciOperator.Tests.Support;

/// <summary>Sends every request with one user agent, so a harness's own calls are told apart from the operator's at the Sandbox.</summary>
internal sealed class UserAgentHandler(string product, string version) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(product, version));
        return base.SendAsync(request, cancellationToken);
    }
}
