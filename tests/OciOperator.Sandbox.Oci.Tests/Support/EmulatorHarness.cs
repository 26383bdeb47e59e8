using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Oci;

namespace OciOperator.Sandbox.Oci.Tests.Support;

/// <summary>An emulator on a free loopback port plus an HTTP client signing as a registered API-key user.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string UserId = "ocid1.user.oc1..aaaatestuser";
    public const string Fingerprint = "11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00";
    public const string CompartmentId = "ocid1.compartment.oc1..aaaatestcompartment";

    // One user key for all tests (immutable; generating RSA keys is the slow part of a test).
    private static readonly Lazy<RSA> SharedUserKey = new(() => RSA.Create(2048));

    private EmulatorHarness(OciEmulator emulator, RSA userKey, TestRequestSigner signer, TimeProvider clock)
    {
        Emulator = emulator;
        UserKey = userKey;
        Signer = signer;
        Clock = clock;
        Http = new HttpClient(signer) { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public OciEmulator Emulator { get; }

    public RSA UserKey { get; }

    public TestRequestSigner Signer { get; }

    public HttpClient Http { get; }

    public TimeProvider Clock { get; }

    public string UserKeyId => $"{Emulator.TenancyId}/{UserId}/{Fingerprint}";

    /// <summary>What the signer uses; tests may swap it (e.g. to a session key and ST$ token).</summary>
    public (string KeyId, RSA Key)? CredentialsOverride { get; set; }

    public static async Task<EmulatorHarness> StartAsync(OciEmulatorOptions? options = null)
    {
        options ??= new OciEmulatorOptions { CreateDelay = TimeSpan.Zero, UpdateDelay = TimeSpan.Zero, DeleteDelay = TimeSpan.Zero };
        var emulator = await OciEmulator.StartAsync(options);
        emulator.AddCompartment(CompartmentId);
        var userKey = SharedUserKey.Value;
        emulator.RegisterApiKey(emulator.TenancyId, UserId, Fingerprint, userKey);
        EmulatorHarness? harness = null;
        var signer = new TestRequestSigner(() => harness!.CredentialsOverride ?? (harness.UserKeyId, harness.UserKey), options.TimeProvider);
        harness = new EmulatorHarness(emulator, userKey, signer, options.TimeProvider);
        return harness;
    }

    public static JsonObject ValidCreateBody(string displayName = "db1") => new()
    {
        ["compartmentId"] = CompartmentId,
        ["shapeName"] = "MySQL.2",
        ["subnetId"] = "ocid1.subnet.oc1.iad.aaaatestsubnet",
        ["displayName"] = displayName,
        ["adminUsername"] = "admin",
        ["adminPassword"] = "Passw0rd!",
        ["dataStorageSizeInGBs"] = 50,
        ["freeformTags"] = new JsonObject { ["owner"] = "test" },
    };

    public static HttpContent Json(JsonNode body) => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        configure?.Invoke(request);
        return Http.SendAsync(request);
    }

    public async Task<(HttpResponseMessage Response, JsonObject Body)> CreateAsync(JsonObject? body = null, string? retryToken = null)
    {
        var response = await SendAsync(HttpMethod.Post, "20190415/dbSystems", body ?? ValidCreateBody(), request =>
        {
            if (retryToken is not null)
            {
                request.Headers.Add("opc-retry-token", retryToken);
            }
        });
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That((int)response.StatusCode, Is.EqualTo(200), json.ToJsonString());
        return (response, json);
    }

    public async Task<JsonObject> GetAsync(string id)
    {
        var response = await SendAsync(HttpMethod.Get, $"20190415/dbSystems/{id}");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> ErrorOf(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
