using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Oci;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Signing;

/// <summary>Rejections are logged with their reason but never with a token, signature or password.</summary>
public sealed class SecretHygieneTests
{
    [Test]
    public async Task RejectedSessionToken_LogAndError_NeverContainToken()
    {
        using var provider = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(provider));
        await using var harness = await EmulatorHarness.StartAsync(new OciEmulatorOptions { LoggerFactory = loggerFactory });
        using var sessionKey = RSA.Create(2048);
        var token = harness.Emulator.IssueResourcePrincipalToken(sessionKey, EmulatorHarness.CompartmentId);
        harness.CredentialsOverride = ("ST$" + token, harness.UserKey);

        var response = await harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(provider.Messages, Has.Some.Contains("rejected the signature of ListDbSystems"));
        Assert.That(provider.Messages, Has.None.Contains(token[..40]));
        Assert.That(body, Does.Not.Contain(token[..40]));
    }

    [Test]
    public async Task InvalidPasswordUpdate_LogAndError_NeverContainPassword()
    {
        using var provider = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(provider));
        await using var harness = await EmulatorHarness.StartAsync(new OciEmulatorOptions
        {
            LoggerFactory = loggerFactory, CreateDelay = TimeSpan.Zero, UpdateDelay = TimeSpan.Zero, DeleteDelay = TimeSpan.Zero,
        });
        var (_, created) = await harness.CreateAsync();

        var response = await harness.SendAsync(HttpMethod.Put, $"20190415/dbSystems/{created["id"]}",
            new System.Text.Json.Nodes.JsonObject { ["adminPassword"] = "alllowercase-secret" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("alllowercase-secret"));
        Assert.That(provider.Messages, Has.None.Contains("alllowercase-secret"));
        Assert.That(provider.Messages, Has.Some.Contains("listening on"));
    }
}
