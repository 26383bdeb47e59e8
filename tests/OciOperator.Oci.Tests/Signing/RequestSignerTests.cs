using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OciOperator.Oci.Signing;
using OciOperator.Oci.Tests.Support;

namespace OciOperator.Oci.Tests.Signing;

public sealed class RequestSignerTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InShared("conformance/oci-signing/vectors.json"))).RootElement;

    private static IEnumerable<TestCaseData> VectorCases() =>
        Vectors.GetProperty("vectors").EnumerateArray().Select(v => new TestCaseData(SigningVector.From(v)).SetName("Vector_" + v.GetProperty("name").GetString()!.Replace(' ', '_')));

    private static SigningCredentials VectorCredentials()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(Vectors.GetProperty("privateKeyPem").GetString());
        var keyId = $"{Vectors.GetProperty("tenancy").GetString()}/{Vectors.GetProperty("user").GetString()}/{Vectors.GetProperty("fingerprintLabel").GetString()}";
        return new SigningCredentials(keyId, rsa);
    }

    [TestCaseSource(nameof(VectorCases))]
    public void Sign_PublishedVector_MatchesByteForByte(SigningVector vector)
    {
        var body = vector.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(vector.Body);

        var signature = RequestSigner.Sign(
            new SigningInput(vector.Method, vector.Url.PathAndQuery, vector.Url.Host, vector.Date, body, vector.ContentType ?? "application/json"),
            VectorCredentials());

        Assert.That(signature.SigningString, Is.EqualTo(vector.ExpectedSigningString));
        Assert.That(signature.Signature, Is.EqualTo(vector.ExpectedSignature));
        Assert.That(signature.Authorization, Is.EqualTo(vector.ExpectedAuthorization));
        if (vector.ExpectedContentSha256 is not null)
        {
            Assert.That(signature.ContentSha256, Is.EqualTo(vector.ExpectedContentSha256));
        }
    }

    [TestCaseSource(nameof(VectorCases))]
    public async Task SignAsync_PublishedVectorAsHttpRequest_SetsExactHeaders(SigningVector vector)
    {
        using var request = new HttpRequestMessage(new HttpMethod(vector.Method), vector.Url);
        if (vector.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(vector.Body));
        }

        await RequestSigner.SignAsync(request, VectorCredentials(), vector.Date, CancellationToken.None);

        Assert.That(request.Headers.GetValues("authorization").Single(), Is.EqualTo(vector.ExpectedAuthorization));
        Assert.That(request.Headers.GetValues("date").Single(), Is.EqualTo(vector.Date));
        if (vector.Body is not null)
        {
            Assert.That(request.Content!.Headers.GetValues("x-content-sha256").Single(), Is.EqualTo(vector.ExpectedContentSha256));
            Assert.That(request.Content.Headers.ContentLength, Is.EqualTo(Encoding.UTF8.GetByteCount(vector.Body)));
        }
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("PATCH")]
    public void Sign_EmptyBody_UsesEmptyHashAndZeroLength(string method)
    {
        var signature = RequestSigner.Sign(new SigningInput(method, "/20190415/dbSystems/x/actions/start", "mysql.example", "Thu, 05 Jan 2014 21:31:40 GMT"), VectorCredentials());

        Assert.That(signature.ContentSha256, Is.EqualTo(Vectors.GetProperty("emptyBodySha256").GetString()));
        Assert.That(signature.SigningString, Does.EndWith("content-length: 0\ncontent-type: application/json\nx-content-sha256: 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
        Assert.That(signature.Authorization, Does.Contain("headers=\"date (request-target) host content-length content-type x-content-sha256\""));
    }

    [Test]
    public async Task SignAsync_PostWithoutContent_AddsEmptyBodyHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:8080/20190415/dbSystems/x/actions/start");

        await RequestSigner.SignAsync(request, VectorCredentials(), DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.That(request.Content!.Headers.GetValues("x-content-sha256").Single(), Is.EqualTo(RequestSigner.EmptyBodySha256));
        Assert.That(request.Content.Headers.ContentLength, Is.Zero);
    }

    [Test]
    public async Task SignAsync_QueryNeedingEscapesAndPort_SignsWireFormTargetAndHostWithPort()
    {
        var credentials = VectorCredentials();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:8080/20190415/dbSystems?compartmentId=ocid1.compartment.oc1..x&displayName=my%20db%2Fone");

        await RequestSigner.SignAsync(request, credentials, DateTimeOffset.UnixEpoch, CancellationToken.None);

        var expected = RequestSigner.Sign(
            new SigningInput("GET", "/20190415/dbSystems?compartmentId=ocid1.compartment.oc1..x&displayName=my%20db%2Fone", "127.0.0.1:8080", "Thu, 01 Jan 1970 00:00:00 GMT"),
            credentials);
        Assert.That(request.Headers.GetValues("authorization").Single(), Is.EqualTo(expected.Authorization));
        Assert.That(expected.SigningString, Does.Contain("(request-target): get /20190415/dbSystems?compartmentId=ocid1.compartment.oc1..x&displayName=my%20db%2Fone"));
    }

    [Test]
    public void Sign_SessionTokenKeyId_IsPlacedVerbatim()
    {
        using var rsa = RSA.Create(2048);
        var credentials = new SigningCredentials("ST$eyJhbGciOi.eyJleHAiOjF9.c2ln", rsa);

        var signature = RequestSigner.Sign(new SigningInput("GET", "/20190415/dbSystems/x", "h", "d"), credentials);

        Assert.That(signature.Authorization, Does.Contain("keyId=\"ST$eyJhbGciOi.eyJleHAiOjF9.c2ln\""));
        Assert.That(credentials.ToString(), Does.Not.Contain("eyJ"));
        Assert.That(rsa.VerifyData(Encoding.UTF8.GetBytes(signature.SigningString), Convert.FromBase64String(signature.Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public void FormatDate_Utc_IsRfc1123Gmt()
    {
        var date = RequestSigner.FormatDate(new DateTimeOffset(2014, 1, 5, 22, 31, 40, TimeSpan.FromHours(1)));

        Assert.That(date, Is.EqualTo("Sun, 05 Jan 2014 21:31:40 GMT"));
    }

    [Test]
    public void ForPublicKey_VectorKey_IsTheDocumentedMd5Fingerprint()
    {
        Assert.That(KeyFingerprint.ForPublicKey(VectorCredentials().PrivateKey), Is.EqualTo("73:61:a2:21:67:e0:df:be:7e:4b:93:1e:15:98:a5:b7"));
    }
}
