using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Tests.Support;

/// <summary>
/// An in-test fake of IMDS v2, the federation endpoint and a sliver of the MySQL API on one loopback server.
/// Federation verifies the leaf-key signature and issues JWTs (exp = now + <see cref="TokenLifetime"/>); the MySQL
/// route verifies the session-key signature of <c>ST$</c> requests and answers 401 for unknown or revoked tokens.
/// </summary>
internal sealed class FakeOciCloud : IAsyncDisposable
{
    public const string Tenancy = "ocid1.tenancy.oc1..fakecloud";
    private readonly TimeProvider _time;
    private readonly X509Certificate2 _leaf;
    private readonly RSA _leafKey;
    private readonly X509Certificate2 _intermediate;
    private readonly ConcurrentDictionary<string, RSA> _sessionKeys = new();
    private readonly ConcurrentDictionary<string, bool> _revoked = new();
    private LoopbackServer? _server;
    private int _tokens;

    // Immutable key material generated once per test run (RSA generation is slow on shared CI cores).
    private static readonly Lazy<(X509Certificate2, RSA, X509Certificate2)> Identity =
        new(() => TestKeys.InstanceIdentity(Tenancy, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    private FakeOciCloud(TimeProvider time)
    {
        _time = time;
        (_leaf, _leafKey, _intermediate) = Identity.Value;
    }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public string Region { get; set; } = "iad";

    /// <summary>Status + code the list route answers with when set (after authenticating).</summary>
    public (int Status, string Code)? ListFailure { get; set; }

    public int FederationCalls => _tokens;

    public int MetadataCallsWithoutBearer { get; private set; }

    public IReadOnlyCollection<string> IssuedTokens => _sessionKeys.Keys.ToList();

    public Uri BaseAddress => _server!.BaseAddress;

    public Uri MetadataBase => new(BaseAddress, "/opc/v2/");

    public Uri MysqlEndpoint => new(BaseAddress, "/20190415");

    public static async Task<FakeOciCloud> StartAsync(TimeProvider time)
    {
        var cloud = new FakeOciCloud(time);
        cloud._server = await LoopbackServer.StartAsync(cloud.HandleAsync);
        return cloud;
    }

    public void RevokeAll()
    {
        foreach (var token in _sessionKeys.Keys)
        {
            _revoked[token] = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var path = request.Path.Value ?? string.Empty;
        if (path.StartsWith("/opc/v2/", StringComparison.Ordinal))
        {
            await MetadataAsync(context, path["/opc/v2/".Length..]);
        }
        else if (path == "/v1/x509" && request.Method == "POST")
        {
            await FederateAsync(context, body);
        }
        else if (path.StartsWith("/20190415/dbSystems", StringComparison.Ordinal))
        {
            await MysqlAsync(context, body);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private async Task MetadataAsync(HttpContext context, string path)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer Oracle")
        {
            MetadataCallsWithoutBearer++;
            context.Response.StatusCode = 401;
            return;
        }

        var text = path switch
        {
            "instance/region" => Region + "\n",
            "identity/cert.pem" => _leaf.ExportCertificatePem(),
            "identity/key.pem" => _leafKey.ExportRSAPrivateKeyPem(),
            "identity/intermediate.pem" => _intermediate.ExportCertificatePem(),
            _ => null,
        };
        if (text is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        await context.Response.WriteAsync(text);
    }

    private async Task FederateAsync(HttpContext context, byte[] body)
    {
        var expectedKeyId = $"{Tenancy}/fed-x509-sha256/{KeyFingerprint.ForCertificateSha256(_leaf)}";
        using var leafPublic = _leaf.GetRSAPublicKey()!;
        if (SignatureVerifier.KeyId(context.Request) != expectedKeyId || !await SignatureVerifier.VerifyAsync(context.Request, leafPublic, body))
        {
            await ErrorAsync(context, 401, "NotAuthenticated");
            return;
        }

        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.GetProperty("certificate").GetString() != Convert.ToBase64String(_leaf.RawData)
            || root.GetProperty("intermediateCertificates")[0].GetString() != Convert.ToBase64String(_intermediate.RawData))
        {
            await ErrorAsync(context, 400, "InvalidParameter");
            return;
        }

        var sessionKey = RSA.Create();
        sessionKey.ImportSubjectPublicKeyInfo(Convert.FromBase64String(root.GetProperty("publicKey").GetString()!), out _);
        var n = Interlocked.Increment(ref _tokens);
        var token = TestKeys.JwtExpiring(_time.GetUtcNow() + TokenLifetime, $",\"jti\":\"t{n}\",\"opc-tenant\":\"{Tenancy}\"");
        _sessionKeys[token] = sessionKey;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["token"] = token }));
    }

    private async Task MysqlAsync(HttpContext context, byte[] body)
    {
        var keyId = SignatureVerifier.KeyId(context.Request);
        if (!keyId.StartsWith("ST$", StringComparison.Ordinal)
            || !_sessionKeys.TryGetValue(keyId[3..], out var key)
            || _revoked.ContainsKey(keyId[3..])
            || !await SignatureVerifier.VerifyAsync(context.Request, key, body))
        {
            await ErrorAsync(context, 401, "NotAuthenticated");
            return;
        }

        if (ListFailure is { } failure)
        {
            await ErrorAsync(context, failure.Status, failure.Code);
            return;
        }

        context.Response.Headers["opc-request-id"] = "fake-list-1";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("[]");
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["opc-request-id"] = "fake-" + code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"code":"{{code}}","message":"{{code}}"}""");
    }
}
