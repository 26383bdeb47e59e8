using System.Text.Json;
using OciOperator.Oci.Http;

namespace OciOperator.Oci.Identity;

/// <summary>The identity 20160918 client over an <see cref="OciHttpPipeline"/> whose endpoint ends in <c>/20160918</c> (signed like every call).</summary>
public sealed class IdentityClient(OciHttpPipeline pipeline) : IIdentityClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AvailabilityDomain>> ListAvailabilityDomainsAsync(string compartmentId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(compartmentId);
        var request = new OciRequest("ListAvailabilityDomains", HttpMethod.Get, "availabilityDomains")
        {
            Query = [new("compartmentId", compartmentId)],
        };
        var response = await pipeline.SendAsync(request, ct).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(response.Body.Span, IdentityJsonContext.Default.IReadOnlyListAvailabilityDomain)
                ?? throw new OciServiceException("OCI answered an empty body where a list of availability domains was expected.");
        }
        catch (JsonException ex)
        {
            throw new OciServiceException($"OCI answered a body that is not a list of availability domains (opc-request-id {response.OpcRequestId}): {ex.Message}", ex);
        }
    }
}
