using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Oci.Signing;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Signing;

/// <summary>Header parsing and the rules around the signature: algorithm, version, x-date, malformed input.</summary>
public sealed class SignatureVerifierTests
{
    private const string KeyId = "ocid1.tenancy.oc1..t/ocid1.user.oc1..u/aa:bb";
    private static readonly Lazy<RSA> Key = new(() => RSA.Create(2048));
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> MalformedHeaders()
    {
        yield return new TestCaseData(null, "no Authorization header").SetArgDisplayNames("missing");
        yield return new TestCaseData("Bearer abc", "Signature scheme").SetArgDisplayNames("other scheme");
        yield return new TestCaseData("Signature keyId=abc", "name=\"value\"").SetArgDisplayNames("unquoted");
        yield return new TestCaseData("Signature keyId=\"abc", "unterminated").SetArgDisplayNames("unterminated");
        yield return new TestCaseData("Signature keyId=\"a\",keyId=\"b\",signature=\"AA==\"", "repeats").SetArgDisplayNames("repeated");
        yield return new TestCaseData("Signature signature=\"AA==\"", "no keyId").SetArgDisplayNames("no keyId");
        yield return new TestCaseData("Signature keyId=\"a\"", "no signature").SetArgDisplayNames("no signature");
        yield return new TestCaseData("Signature keyId=\"a\",signature=\"%%%\"", "base64").SetArgDisplayNames("bad base64");
        yield return new TestCaseData("Signature keyId=\"a\" signature=\"AA==\"", "','").SetArgDisplayNames("no comma");
    }

    [TestCaseSource(nameof(MalformedHeaders))]
    public void Verify_MalformedAuthorization_RejectedWithReason(string? authorization, string reason)
    {
        var request = Get(authorization);

        var check = Verifier().Verify(request);

        Assert.That(check.IsValid, Is.False);
        Assert.That(check.Failure, Does.Contain(reason));
    }

    [Test]
    public void Verify_HmacAlgorithm_Rejected()
    {
        var request = Signed(["date", "(request-target)", "host"], algorithm: "hmac-sha256");

        Assert.That(Verifier().Verify(request).Failure, Does.Contain("hmac-sha256"));
    }

    [Test]
    public void Verify_VersionTwo_Rejected()
    {
        var request = Signed(["date", "(request-target)", "host"], version: "2");

        Assert.That(Verifier().Verify(request).Failure, Does.Contain("version"));
    }

    [Test]
    public void Verify_XDateInsteadOfDate_Accepted()
    {
        var request = Signed(["x-date", "(request-target)", "host"]);

        Assert.That(Verifier().Verify(request).Failure, Is.Null);
    }

    [Test]
    public void Verify_CorrectlySigned_PrincipalFromResolver()
    {
        var check = Verifier().Verify(Signed(["date", "(request-target)", "host"]));

        Assert.That(check.Principal, Is.EqualTo(new OciPrincipal("user", "t", "u")));
    }

    [Test]
    public void Verify_ParametersInOtherOrder_Accepted()
    {
        var request = Signed(["date", "(request-target)", "host"]);
        var parameters = SignatureParameters.TryParse(request.Header("authorization"), out _)!;
        var reordered = $"Signature algorithm=\"rsa-sha256\",signature=\"{Convert.ToBase64String(parameters.Signature)}\",keyId=\"{KeyId}\",headers=\"date (request-target) host\"";
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase) { ["authorization"] = reordered };

        Assert.That(Verifier().Verify(request with { Headers = headers }).Failure, Is.Null);
    }

    private static SignatureVerifier Verifier() => new(
        keyId => keyId == KeyId ? SigningKeyLookup.Found(Key.Value, new OciPrincipal("user", "t", "u")) : SigningKeyLookup.Rejected("unknown"),
        new FakeTimeProvider(Now),
        TimeSpan.FromMinutes(5));

    private static SignedRequest Get(string? authorization)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = "127.0.0.1:1234",
            ["date"] = Now.ToString("r", CultureInfo.InvariantCulture),
            ["x-date"] = Now.ToString("r", CultureInfo.InvariantCulture),
        };
        if (authorization is not null)
        {
            headers["authorization"] = authorization;
        }

        return new SignedRequest("GET", "/20190415/dbSystems?compartmentId=c", headers, ReadOnlyMemory<byte>.Empty);
    }

    private static SignedRequest Signed(string[] signedHeaders, string algorithm = "rsa-sha256", string version = "1")
    {
        var request = Get(null);
        var signature = TestRequestSigner.Sign(Key.Value,
            TestRequestSigner.SigningString(request.Method, request.RequestTarget, signedHeaders, h => request.Headers[h]));
        var value = TestRequestSigner.AuthorizationValue(signedHeaders, KeyId, signature)
            .Replace("rsa-sha256", algorithm, StringComparison.Ordinal)
            .Replace("version=\"1\"", $"version=\"{version}\"", StringComparison.Ordinal);
        return Get("Signature " + value);
    }
}
