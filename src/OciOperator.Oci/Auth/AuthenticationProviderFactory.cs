using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Oci.Regions;
using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Auth;

/// <summary>
/// Builds the <see cref="IAuthenticationProvider"/> for the selected mode from options and the OSOK environment
/// (osok.md §6). Configuration problems surface as <see cref="OciConfigurationException"/>s naming what is wrong.
/// </summary>
public sealed class AuthenticationProviderFactory(
    Func<string, string?> environment,
    TimeProvider timeProvider,
    Func<HttpClient> httpClientFactory,
    ILoggerFactory? loggerFactory = null)
{
    private const string OsokConfigFile = "/etc/oci/config";

    /// <summary>The regions table including <c>OCI_REGION_METADATA</c>.</summary>
    public OciRegions Regions { get; } = OciRegions.FromEnvironment(environment);

    /// <summary>Creates the provider for <paramref name="options"/>.</summary>
    public IAuthenticationProvider Create(OciAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mode = AuthModeSelector.Select(environment, options.Mode);
        return mode switch
        {
            AuthMode.UserPrincipal => CreateUserPrincipal(options),
            AuthMode.SecurityToken => CreateSessionToken(options),
            AuthMode.InstancePrincipal => CreateInstancePrincipal(options),
            AuthMode.ResourcePrincipal => ResourcePrincipalAuthenticationProvider.FromEnvironment(environment, timeProvider),
            AuthMode.OkeWorkloadIdentity => CreateOke(options),
            _ => throw new OciConfigurationException($"Auth mode {mode} is not supported."),
        };
    }

    private IAuthenticationProvider CreateUserPrincipal(OciAuthOptions options)
    {
        string[] raw = ["TENANCY", "USER", "FINGERPRINT", "PRIVATEKEY", "REGION"];
        var present = raw.Where(n => !string.IsNullOrEmpty(environment(n))).ToList();
        var explicitFile = options.ConfigFile ?? environment("OCI_CONFIG_FILE_PATH");
        if (present.Count == raw.Length)
        {
            var pem = environment("PRIVATEKEY")!;
            var passphrase = environment("PASSPHRASE");
            var key = pem.Contains("-----BEGIN", StringComparison.Ordinal)
                ? PrivateKeyLoader.FromPem(pem, passphrase, "environment variable PRIVATEKEY")
                : PrivateKeyLoader.FromFile(PathExpansion.ExpandHome(pem.Trim()), passphrase);
            var region = options.Region ?? environment("REGION")!;
            return StaticKeyAuthenticationProvider.Create(environment("TENANCY")!.Trim(), environment("USER")!.Trim(), environment("FINGERPRINT")!.Trim(), key, Regions.Resolve(region).Id);
        }

        if (present.Count > 0 && explicitFile is null)
        {
            var missing = raw.Except(present);
            throw new OciConfigurationException(
                $"Incomplete user principal configuration: missing {string.Join(", ", missing)} (or set OCI_CONFIG_FILE_PATH to a config file).");
        }

        var profile = LoadProfile(options);
        if (profile.Get("user") is null && profile.Get("security_token_file") is not null)
        {
            return CreateSessionToken(profile, options);
        }

        var tenancy = profile.Require("tenancy");
        var user = profile.Require("user");
        var fingerprint = profile.Require("fingerprint");
        var keyFile = PathExpansion.ExpandHome(profile.Require("key_file"));
        var regionName = options.Region ?? profile.Get("region") ?? environment("OCI_REGION")
            ?? throw new OciConfigurationException($"Config file {profile.Source} profile [{profile.Name}] is missing 'region'.");
        var rsa = PrivateKeyLoader.FromFile(keyFile, profile.Passphrase);
        return StaticKeyAuthenticationProvider.Create(tenancy, user, fingerprint, rsa, Regions.Resolve(regionName).Id);
    }

    private SessionTokenAuthenticationProvider CreateSessionToken(OciAuthOptions options) => CreateSessionToken(LoadProfile(options), options);

    private SessionTokenAuthenticationProvider CreateSessionToken(OciConfigProfile profile, OciAuthOptions options)
    {
        var tokenFile = PathExpansion.ExpandHome(profile.Require("security_token_file"));
        var keyFile = PathExpansion.ExpandHome(profile.Require("key_file"));
        var rsa = PrivateKeyLoader.FromFile(keyFile, profile.Passphrase);
        var region = options.Region ?? profile.Get("region") ?? environment("OCI_REGION");
        return new SessionTokenAuthenticationProvider(tokenFile, rsa, profile.Get("tenancy"), region is null ? null : Regions.Resolve(region).Id, timeProvider);
    }

    private OciConfigProfile LoadProfile(OciAuthOptions options)
    {
        var path = options.ConfigFile ?? environment("OCI_CONFIG_FILE_PATH");
        if (path is null)
        {
            var home = PathExpansion.ExpandHome("~/.oci/config");
            path = File.Exists(OsokConfigFile) ? OsokConfigFile
                : File.Exists(home) ? home
                : environment("OCI_CONFIG_FILE") ?? home;
        }

        var file = OciConfigFile.Load(path);
        return file.GetProfile(options.Profile ?? environment("OCI_CONFIG_PROFILE"));
    }

    private InstancePrincipalAuthenticationProvider CreateInstancePrincipal(OciAuthOptions options)
    {
        var metadata = options.MetadataBaseUrl ?? ParseUri(environment("OCI_METADATA_BASE_URL"), "OCI_METADATA_BASE_URL");
        var federation = options.FederationEndpoint ?? ParseUri(environment("OCI_SDK_AUTH_CLIENT_REGION_URL"), "OCI_SDK_AUTH_CLIENT_REGION_URL");
        var ipOptions = new InstancePrincipalOptions
        {
            MetadataBaseUrl = metadata ?? InstancePrincipalOptions.DefaultMetadataBaseUrl,
            FederationEndpoint = federation,
            Region = options.Region ?? environment("REGION"),
        };
        return new InstancePrincipalAuthenticationProvider(
            httpClientFactory(), ipOptions, Regions, timeProvider,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<InstancePrincipalAuthenticationProvider>());
    }

    private OkeWorkloadIdentityAuthenticationProvider CreateOke(OciAuthOptions options)
    {
        var version = environment("OCI_RESOURCE_PRINCIPAL_VERSION");
        if (version is not ("2.2" or "1.1"))
        {
            throw new OciConfigurationException($"OKE workload identity needs OCI_RESOURCE_PRINCIPAL_VERSION 2.2 or 1.1 (found '{version ?? "<unset>"}').");
        }

        var region = options.Region ?? environment("OCI_RESOURCE_PRINCIPAL_REGION")
            ?? throw new OciConfigurationException("OKE workload identity needs OCI_RESOURCE_PRINCIPAL_REGION.");
        var endpoint = options.ProxymuxEndpoint;
        var http = httpClientFactory;
        if (endpoint is null)
        {
            var host = environment("KUBERNETES_SERVICE_HOST")
                ?? throw new OciConfigurationException("OKE workload identity needs KUBERNETES_SERVICE_HOST (run inside the cluster).");
            endpoint = new Uri($"https://{host}:12250");
            var caPath = environment("OCI_KUBERNETES_SERVICE_ACCOUNT_CERT_PATH") ?? ClusterCaHttpClient.DefaultCaPath;
            http = () => ClusterCaHttpClient.Create(caPath);
        }

        return new OkeWorkloadIdentityAuthenticationProvider(http(), new OkeWorkloadIdentityOptions { ProxymuxEndpoint = endpoint, Region = Regions.Resolve(region).Id }, timeProvider);
    }

    private static Uri? ParseUri(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) ? uri
        : throw new OciConfigurationException($"{name} is not an absolute URL.");
}
