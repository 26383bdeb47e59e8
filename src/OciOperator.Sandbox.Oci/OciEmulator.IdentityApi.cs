using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Oci.Hosting;

namespace OciOperator.Sandbox.Oci;

/// <summary>
/// The identity 20160918 API's ListAvailabilityDomains: the region's three availability domains under the tenancy's
/// deterministic prefix (<c>Abcd:US-ASHBURN-AD-1</c>), for any of the tenancy's compartments (404 for others); signed like every call.
/// </summary>
public sealed partial class OciEmulator
{
    /// <summary>The identity API base, <see cref="BaseAddress"/> + <c>20160918</c>.</summary>
    public Uri IdentityEndpoint => new(BaseAddress, "20160918");

    /// <summary>The MySQL configurations the region knows: OCI's published defaults per shape and the seed's examples.</summary>
    public IReadOnlyCollection<Mysql.MysqlConfiguration> MysqlConfigurations => Mysql.MysqlConfigurations.All.Values.ToList();

    private OciResponse HandleIdentityApi(OciRoute route, HttpContext context, byte[] body)
    {
        var check = _verifier.Verify(ToSignedRequest(context, body));
        if (!check.IsValid)
        {
            LogSignatureRejected(route.Operation, check.Failure!);
            return OciResponse.Error(401, "NotAuthenticated", check.Failure!);
        }

        if (route.Operation != "ListAvailabilityDomains")
        {
            return OciResponse.Error(404, "NotFound", $"The identity API has no operation at {context.Request.Method} {context.Request.Path}.");
        }

        if (!context.Request.Query.TryGetValue("compartmentId", out var compartment) || string.IsNullOrEmpty(compartment))
        {
            return OciResponse.Missing("compartmentId");
        }

        var compartmentId = compartment.ToString();
        if (!_compartments.Contains(compartmentId))
        {
            return OciResponse.CompartmentNotFound();
        }

        var list = new JsonArray();
        foreach (var name in AvailabilityDomains)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TenancyId + "/" + name)))[..40];
            list.Add(new JsonObject
            {
                ["name"] = name,
                ["id"] = $"ocid1.availabilitydomain.oc1..{hash}",
                ["compartmentId"] = TenancyId,
            });
        }

        return OciResponse.Ok(list);
    }
}
