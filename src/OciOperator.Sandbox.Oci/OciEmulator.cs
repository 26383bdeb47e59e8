using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Sandbox.Hosting;
using OciOperator.Sandbox.Oci.Identity;
using OciOperator.Sandbox.Oci.Mysql;
using OciOperator.Sandbox.Oci.Signing;

namespace OciOperator.Sandbox.Oci;

/// <summary>
/// An OCI emulator on loopback HTTP: the MySQL 20190415 API (DbSystems, work requests), the instance metadata service v2,
/// the federation endpoint (<c>POST /v1/x509</c>), session-token refresh and the OKE workload-identity proxy. Every
/// MySQL and federation request's signature is verified with the emulator's own code.
/// </summary>
public sealed partial class OciEmulator : IAsyncDisposable
{
    private readonly OciEmulatorOptions _options;
    /// <summary>Kestrel's default request body limit (30,000,000 bytes), which the emulator has always kept.</summary>
    private const long KestrelDefaultMaxRequestBodySize = 30_000_000;
    private LoopbackWebHost? _host;
    private readonly MysqlService _mysql;
    private readonly CompartmentDirectory _compartments;
    private readonly Lazy<InstanceIdentity> _lazyIdentity;
    private readonly Lazy<SessionTokenService> _lazyTokens;
    private readonly SignatureVerifier _verifier;
    private readonly ConcurrentDictionary<string, RSA> _apiKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<RSA> _importedKeys = [];
    private readonly ConcurrentDictionary<string, byte> _serviceAccountTokens = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task _identityPrepared = Task.CompletedTask;
    private readonly ILogger _logger;
    private int _disposed;

    private OciEmulator(OciEmulatorOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        // RSA key generation is the slow part of starting; the identity material is made on first use.
        _lazyIdentity = new(() => InstanceIdentity.Create(options.TenancyId, options.Region, options.TimeProvider));
        _compartments = new CompartmentDirectory(options.TenancyId, options.Compartments, () => _lazyIdentity.IsValueCreated ? _lazyIdentity.Value.CompartmentId : null);
        _mysql = new MysqlService(new MysqlSettings(options.Region, options.TenancyId, options.TimeProvider, options.CreateDelay, options.UpdateDelay, options.DeleteDelay, _compartments));
        _lazyTokens = new(() => new SessionTokenService(options.TimeProvider, options.SessionTokenLifetime));
        _verifier = new SignatureVerifier(ResolveServiceKey, options.TimeProvider, options.MaxClockSkew);
    }

    private InstanceIdentity Pki => _lazyIdentity.Value;

    /// <summary>Completes when <see cref="OciEmulatorOptions.PrepareIdentity"/>'s background work is done (at once without it).</summary>
    internal Task IdentityPrepared => _identityPrepared;

    /// <summary>Whether the identity material and the token-signing service exist yet.</summary>
    internal bool HasIdentity => _lazyIdentity.IsValueCreated && _lazyTokens.IsValueCreated;

    private SessionTokenService Tokens => _lazyTokens.Value;

    /// <summary><c>http://host:port/</c>.</summary>
    public Uri BaseAddress => _host?.BaseAddress ?? throw new InvalidOperationException("The OCI emulator has not started.");

    /// <summary>The MySQL API base, <see cref="BaseAddress"/> + <c>20190415</c>.</summary>
    public Uri MySqlEndpoint => new(BaseAddress, "20190415");

    /// <summary>The base of the instance metadata service v2 (<c>opc/v2/</c>).</summary>
    public Uri InstanceMetadataEndpoint => new(BaseAddress, "opc/v2/");

    /// <summary>The auth service base: <c>POST {FederationEndpoint}v1/x509</c>.</summary>
    public Uri FederationEndpoint => BaseAddress;

    /// <summary>The OKE proxymux base: <c>POST {OkeProxymuxEndpoint}resourcePrincipalSessionTokens</c>.</summary>
    public Uri OkeProxymuxEndpoint => BaseAddress;

    public string Region => _options.Region;

    public string TenancyId => _options.TenancyId;

    /// <summary>The emulated instance's OCID (IMDS <c>instance/id</c>, leaf certificate <c>opc-instance:</c>).</summary>
    public string InstanceId => Pki.InstanceId;

    /// <summary>The emulated instance's compartment.</summary>
    public string InstanceCompartmentId => Pki.CompartmentId;

    /// <summary>The root CA that issued the metadata service's intermediate certificate.</summary>
    public string RootCertificatePem => Pki.Root.ExportCertificatePem();

    /// <summary>The example compartment of the walkthrough, <c>config/samples</c> and the seed fixtures; always present.</summary>
    public const string SampleCompartmentId = CompartmentDirectory.SampleCompartmentId;

    /// <summary>
    /// The tenancy's compartments: its root (the tenancy OCID), <see cref="SampleCompartmentId"/>, the instance's own
    /// (once its identity exists), <see cref="OciEmulatorOptions.Compartments"/> and those added since.
    /// </summary>
    public IReadOnlyList<string> Compartments => _compartments.All;

    /// <summary>Creates a compartment (an <c>ocid1.compartment.…</c> OCID): from now on calls naming it are served.</summary>
    public void AddCompartment(string compartmentId) => _compartments.Add(compartmentId);

    public OciFaults Faults { get; } = new();

    public OciCallLog Calls { get; } = new();

    /// <summary>Snapshots of every DbSystem (lifecycle transitions due by now applied).</summary>
    public IReadOnlyList<EmulatedDbSystem> DbSystems => _mysql.Snapshots();

    /// <summary>The region's availability domains, e.g. <c>Abcd:US-ASHBURN-AD-1</c>.</summary>
    public IReadOnlyList<string> AvailabilityDomains => _mysql.AvailabilityDomains;

    public static async Task<OciEmulator> StartAsync(OciEmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid OCI emulator options: " + string.Join(" ", errors), nameof(options));
        }

        if (!IPAddress.TryParse(options.Host, out var address))
        {
            throw new ArgumentException($"Invalid OCI emulator options: Host '{options.Host}' is not an IP address.", nameof(options));
        }

        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var emulator = new OciEmulator(options, loggerFactory.CreateLogger<OciEmulator>());
        try
        {
            emulator._host = await LoopbackWebHost.StartAsync(address, options.Port, emulator.HandleAsync, KestrelDefaultMaxRequestBodySize, loggerFactory: null, ct)
                .ConfigureAwait(false);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (options.PrepareIdentity)
        {
            // Lazy<T> runs each factory once; a request that comes first waits for the same generation.
            emulator._identityPrepared = Task.Run(() =>
            {
                _ = emulator.Pki;
                emulator.Tokens.Prepare();
            }, CancellationToken.None);
        }

        emulator.LogStarted(emulator.BaseAddress);
        return emulator;
    }

    /// <summary>Trusts an API signing key for keyId <c>&lt;tenancy&gt;/&lt;user&gt;/&lt;fingerprint&gt;</c>.</summary>
    public void RegisterApiKey(string tenancyId, string userId, string fingerprint, RSA publicKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenancyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        ArgumentNullException.ThrowIfNull(publicKey);
        var copy = RSA.Create();
        copy.ImportSubjectPublicKeyInfo(publicKey.ExportSubjectPublicKeyInfo(), out _);
        _importedKeys.Add(copy); // a replaced key may be mid-verification; all are disposed with the emulator
        _apiKeys[$"{tenancyId}/{userId}/{fingerprint}"] = copy;
    }

    /// <summary>Trusts an API signing key given as PEM (public key, or a private key whose public half is used).</summary>
    public void RegisterApiKey(string tenancyId, string userId, string fingerprint, string publicKeyPem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKeyPem);
        using var key = RSA.Create();
        try
        {
            key.ImportFromPem(publicKeyPem);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("The PEM text does not contain an RSA key.", nameof(publicKeyPem), e);
        }

        RegisterApiKey(tenancyId, userId, fingerprint, key);
    }

    /// <summary>Lets the OKE proxymux accept this Kubernetes service-account token.</summary>
    public void RegisterServiceAccountToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _serviceAccountTokens[token] = 0;
    }

    /// <summary>
    /// Issues a resource principal session token (RPST) for <paramref name="sessionPublicKey"/> — what a resource principal v2.2
    /// environment (<c>OCI_RESOURCE_PRINCIPAL_RPST</c>) carries. It authenticates MySQL calls with keyId <c>ST$&lt;rpst&gt;</c>.
    /// </summary>
    public string IssueResourcePrincipalToken(RSA sessionPublicKey, string compartmentId, string? resourceId = null)
    {
        ArgumentNullException.ThrowIfNull(sessionPublicKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(compartmentId);
        var subject = resourceId ?? $"ocid1.resource.oc1.{Region}.emulator{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        return Tokens.Issue("resource", subject, TenancyId, sessionPublicKey, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["res_tenant"] = TenancyId,
            ["res_compartment"] = compartmentId,
            ["res_id"] = subject,
        });
    }

    /// <summary>Invalidates every session token issued so far (instance, resource, workload): the next call gets 401.</summary>
    public void RevokeSessionTokens() => Tokens.RevokeAll();

    /// <summary>The DbSystem disappears (DELETED) as if someone removed it in the console.</summary>
    public void DeleteDbSystemOutOfBand(string id) => EnsureFound(_mysql.DeleteOutOfBand(id), id);

    /// <summary>Changes the MySQL version (e.g. an OCI auto-upgrade).</summary>
    public void SetMysqlVersion(string id, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        EnsureFound(_mysql.SetMysqlVersion(id, version), id);
    }

    /// <summary>Changes the private IP address (endpoints follow).</summary>
    public void SetIpAddress(string id, string ipAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ipAddress);
        EnsureFound(_mysql.SetIpAddress(id, ipAddress), id);
    }

    /// <summary>Forces a lifecycle state (e.g. FAILED, INACTIVE); a pending work request for it fails.</summary>
    public void SetLifecycleState(string id, string state) => EnsureFound(_mysql.SetLifecycleState(id, state), id);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _identityPrepared.ConfigureAwait(false);
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }

        if (_lazyIdentity.IsValueCreated)
        {
            _lazyIdentity.Value.Dispose();
        }

        if (_lazyTokens.IsValueCreated)
        {
            _lazyTokens.Value.Dispose();
        }
        foreach (var key in _importedKeys)
        {
            key.Dispose();
        }

        _stopping.Dispose();
    }

    private static void EnsureFound(bool found, string id)
    {
        if (!found)
        {
            throw new ArgumentException($"No emulated DbSystem has the id '{id}'.", nameof(id));
        }
    }
}
