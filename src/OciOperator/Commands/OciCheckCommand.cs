using System.CommandLine;
using OciOperator.Oci.Diagnostics;

namespace OciOperator.Commands;

/// <summary>
/// <c>oci-operator oci check --compartment OCID [--auth MODE] [--config-file FILE] [--profile NAME] [--region R]
/// [--endpoint URL]</c>: authenticate like the operator does, make one read-only call (ListDbSystems, limit 1) and
/// explain a failure. Exit code 0 on success, 1 on failure.
/// </summary>
internal static class OciCheckCommand
{
    public static Command Create()
    {
        var compartment = new Option<string>("--compartment") { Description = "Compartment OCID to list DB systems in.", Required = true };
        var auth = new Option<string?>("--auth") { Description = "Auth mode: instance_principal, user_principal, security_token, resource_principal or oke_workload_identity (default: the operator's selection from the environment)." };
        var configFile = new Option<string?>("--config-file") { Description = "OCI config file (user_principal / security_token)." };
        var profile = new Option<string?>("--profile") { Description = "Config file profile (default DEFAULT)." };
        var region = new Option<string?>("--region") { Description = "Region id or short code." };
        var endpoint = new Option<Uri?>("--endpoint")
        {
            Description = "MySQL endpoint override including /20190415, e.g. http://127.0.0.1:8080/20190415.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    return uri;
                }

                result.AddError($"--endpoint must be an absolute http(s) URL such as https://mysql.us-ashburn-1.ocp.oraclecloud.com/20190415, got \"{text}\".");
                return null;
            },
        };
        var check = new Command("check", "Check OCI authentication and IAM policy with one read-only call.")
        {
            compartment, auth, configFile, profile, region, endpoint,
        };
        check.SetAction(async (parse, ct) =>
        {
            var request = new OciCheckRequest(parse.GetValue(compartment)!)
            {
                AuthMode = parse.GetValue(auth),
                ConfigFile = parse.GetValue(configFile),
                Profile = parse.GetValue(profile),
                Region = parse.GetValue(region),
                Endpoint = parse.GetValue(endpoint),
            };
            using var http = new HttpClient();
            var result = await new OciCheck(Environment.GetEnvironmentVariable, () => http, TimeProvider.System)
                .RunAsync(request, ct).ConfigureAwait(false);
            await WriteAsync(Console.Out, result).ConfigureAwait(false);
            return result.Succeeded ? 0 : 1;
        });
        return new Command("oci", "OCI diagnostics.") { check };
    }

    private static async Task WriteAsync(TextWriter output, OciCheckResult result)
    {
        await output.WriteLineAsync($"principal:      {result.PrincipalType?.ToString() ?? "-"}").ConfigureAwait(false);
        await output.WriteLineAsync($"tenancy:        {result.TenancyId ?? "-"}").ConfigureAwait(false);
        await output.WriteLineAsync($"region:         {result.Region ?? "-"}").ConfigureAwait(false);
        await output.WriteLineAsync($"endpoint:       {result.Endpoint?.ToString() ?? "-"}").ConfigureAwait(false);
        await output.WriteLineAsync($"opc-request-id: {result.OpcRequestId ?? "-"}").ConfigureAwait(false);
        await output.WriteLineAsync($"result:         {(result.Succeeded ? "OK" : "FAILED (" + result.Failure + ")")} {result.Detail}").ConfigureAwait(false);
        if (result.LikelyCause is not null)
        {
            await output.WriteLineAsync($"likely cause:   {result.LikelyCause}").ConfigureAwait(false);
        }
    }
}
