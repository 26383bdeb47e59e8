using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Telemetry;
using OciOperator.Sandbox.Oci;

namespace OciOperator.Mysql.Tests.Support;

/// <summary>
/// Someone else changing DB systems through the OCI API (the console, the CLI): a user principal with its own API
/// key, registered in the emulator — so out-of-band changes arrive exactly as real ones would.
/// </summary>
internal sealed class OciConsole : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly RSA _key;

    private OciConsole(HttpClient http, RSA key, IMysqlDbSystemClient client)
    {
        _http = http;
        _key = key;
        Client = client;
    }

    public IMysqlDbSystemClient Client { get; }

    public static Task<OciConsole> ConnectAsync(OciEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var key = RSA.Create(2048);
        const string user = "ocid1.user.oc1..console";
        const string fingerprint = "11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00";
        emulator.RegisterApiKey(emulator.TenancyId, user, fingerprint, key);
        var http = new HttpClient();
        var auth = StaticKeyAuthenticationProvider.Create(emulator.TenancyId, user, fingerprint, key, emulator.Region);
        var pipeline = new OciHttpPipeline(http, auth, emulator.MySqlEndpoint, new OciResilienceOptions { MaxAttempts = 1 }, TimeProvider.System, new OciTelemetry(), NullLogger.Instance);
        return Task.FromResult(new OciConsole(http, key, new MysqlDbSystemClient(pipeline)));
    }

    public Task RenameAsync(string ocid, string displayName) =>
        Client.UpdateDbSystemAsync(ocid, new UpdateDbSystemDetails { DisplayName = displayName }, null, CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        _key.Dispose();
        return ValueTask.CompletedTask;
    }
}
