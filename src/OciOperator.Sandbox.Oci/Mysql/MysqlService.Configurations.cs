using OciOperator.Sandbox.Oci.Hosting;

namespace OciOperator.Sandbox.Oci.Mysql;

internal sealed partial class MysqlService
{
    /// <summary>
    /// OCI's answer to a configurationId: none when it exists and fits <paramref name="shapeName"/>; 404
    /// NotAuthorizedOrNotFound when no configuration has that OCID; 400 InvalidParameter when it is for another shape.
    /// </summary>
    private static OciResponse? ConfigurationProblem(string? configurationId, string shapeName)
    {
        if (configurationId is null)
        {
            return null;
        }

        var configuration = MysqlConfigurations.Find(configurationId);
        if (configuration is null)
        {
            return OciResponse.Error(404, "NotAuthorizedOrNotFound", $"Authorization failed or requested resource not found: configuration {configurationId}.");
        }

        return configuration.ShapeName == shapeName
            ? null
            : OciResponse.Invalid($"The configuration {configurationId} ({configuration.DisplayName}) is for shape {configuration.ShapeName} and cannot be used with shape {shapeName}.");
    }
}
