using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Oci.Signing;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Signing;

/// <summary>The published OCI signing vectors (conformance/oci-signing/vectors.json) against the emulator's verifier.</summary>
public sealed class SignatureVerifierVectorTests
{
    private static readonly JsonObject Document =
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.InShared("conformance/oci-signing/vectors.json")))!.AsObject();

    private static IEnumerable<TestCaseData> Vectors() =>
        Document["vectors"]!.AsArray().Select(v => new TestCaseData(v!.AsObject()).SetArgDisplayNames($"{((string)v["name"]!).Replace(' ', '_')}"));

    [TestCaseSource(nameof(Vectors))]
    public void Verify_PublishedVector_Accepted(JsonObject vector)
    {
        var (verifier, request) = Arrange(vector);

        var check = verifier.Verify(request);

        Assert.That(check.Failure, Is.Null);
        Assert.That(check.Principal?.Subject, Is.EqualTo((string)Document["user"]!));
    }

    [TestCaseSource(nameof(Vectors))]
    public void BuildSigningString_PublishedVector_MatchesExpected(JsonObject vector)
    {
        var (_, request) = Arrange(vector);
        var parameters = SignatureParameters.TryParse(request.Header("authorization"), out _)!;

        var signingString = SignatureVerifier.BuildSigningString(request, parameters.Headers, out _);

        Assert.That(signingString, Is.EqualTo((string)vector["expectedSigningString"]!));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Verify_TamperedTarget_Rejected(JsonObject vector)
    {
        var (verifier, request) = Arrange(vector);
        var tampered = request with { RequestTarget = request.RequestTarget.Replace("20160918", "20160919", StringComparison.Ordinal) };

        var check = verifier.Verify(tampered);

        Assert.That(check.IsValid, Is.False);
        Assert.That(check.Failure, Does.Contain("does not match the request"));
    }

    [Test]
    public void Verify_TamperedBodyWithRecomputedHash_Rejected()
    {
        var vector = Document["vectors"]!.AsArray().Select(v => v!.AsObject()).Single(v => (string)v["method"]! == "POST");
        var (verifier, request) = Arrange(vector);
        var body = Encoding.UTF8.GetBytes(((string)vector["body"]!).Replace("volumeId", "volumeID", StringComparison.Ordinal));
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["x-content-sha256"] = Convert.ToBase64String(SHA256.HashData(body)),
        };

        var check = verifier.Verify(request with { Body = body, Headers = headers });

        Assert.That(check.IsValid, Is.False);
    }

    [Test]
    public void Verify_BodyNotMatchingHash_Rejected()
    {
        var vector = Document["vectors"]!.AsArray().Select(v => v!.AsObject()).Single(v => (string)v["method"]! == "POST");
        var (verifier, request) = Arrange(vector);

        var check = verifier.Verify(request with { Body = Encoding.UTF8.GetBytes("{}") });

        Assert.That(check.Failure, Does.Contain("x-content-sha256"));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Verify_VectorSixMinutesLater_RejectedAsStale(JsonObject vector)
    {
        var (verifier, request) = Arrange(vector, TimeSpan.FromMinutes(6));

        var check = verifier.Verify(request);

        Assert.That(check.Failure, Does.Contain("clock"));
    }

    [TestCaseSource(nameof(Vectors))]
    public void TestSigner_PublishedVector_ProducesExpectedSignature(JsonObject vector)
    {
        using var key = RSA.Create();
        key.ImportFromPem((string)Document["privateKeyPem"]!);

        var signature = TestRequestSigner.Sign(key, (string)vector["expectedSigningString"]!);

        Assert.That(signature, Is.EqualTo((string)vector["expectedSignature"]!));
    }

    private static (SignatureVerifier Verifier, SignedRequest Request) Arrange(JsonObject vector, TimeSpan? later = null)
    {
        var uri = new Uri((string)vector["url"]!);
        var body = vector["body"] is { } b ? Encoding.UTF8.GetBytes((string)b!) : [];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["host"] = uri.Host };
        foreach (var (name, value) in vector["headers"]!.AsObject())
        {
            headers[name] = (string)value!;
        }

        if ((string)vector["method"]! != "GET")
        {
            headers["content-length"] = body.Length.ToString(CultureInfo.InvariantCulture);
            headers["x-content-sha256"] = Convert.ToBase64String(SHA256.HashData(body));
        }

        headers["authorization"] = (string)vector["expectedAuthorization"]!;
        Assert.That(HttpDate.TryParse(headers["date"], out var date), Is.True);
        var clock = new FakeTimeProvider(date + (later ?? TimeSpan.Zero));
        var key = RSA.Create();
        key.ImportFromPem((string)Document["privateKeyPem"]!);
        var expectedKeyId = $"{Document["tenancy"]}/{Document["user"]}/{Document["fingerprintLabel"]}";
        var verifier = new SignatureVerifier(
            keyId => keyId == expectedKeyId
                ? SigningKeyLookup.Found(key, new OciPrincipal("user", (string)Document["tenancy"]!, (string)Document["user"]!), ownsKey: true)
                : SigningKeyLookup.Rejected("unknown key"),
            clock,
            TimeSpan.FromMinutes(5));
        return (verifier, new SignedRequest((string)vector["method"]!, uri.PathAndQuery, headers, body));
    }
}
