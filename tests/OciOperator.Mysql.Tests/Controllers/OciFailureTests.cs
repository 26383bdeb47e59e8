using System.Net;
using OciOperator.Mysql.Controllers;
using OciOperator.Oci;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary><see cref="OciFailure"/>: which failures are retried soon (transient) and which set Failed (permanent).</summary>
public sealed class OciFailureTests
{
    private const string RequestId = "A1B2C3D4/E5F6/0718";

    private static readonly TestCaseData[] ServiceErrors =
    [
        new TestCaseData(429, "TooManyRequests", true),
        new TestCaseData(500, "InternalServerError", true),
        new TestCaseData(502, "BadGateway", true),
        new TestCaseData(503, "ServiceUnavailable", true),
        new TestCaseData(504, "GatewayTimeout", true),
        new TestCaseData(409, "IncorrectState", true),
        new TestCaseData(409, "LockConflict", true),
        new TestCaseData(400, "InvalidParameter", false),
        new TestCaseData(400, "LimitExceeded", false),
        new TestCaseData(401, "NotAuthenticated", false),
        new TestCaseData(403, "NotAuthorized", false),
        new TestCaseData(404, "NotAuthorizedOrNotFound", false),
        new TestCaseData(404, "NotFound", false),
        new TestCaseData(409, "Conflict", false),
        new TestCaseData(409, "NotAuthorizedOrResourceAlreadyExists", false),
        new TestCaseData(412, "NoEtagMatch", false),
        new TestCaseData(501, "MethodNotImplemented", false),
    ];

    [TestCaseSource(nameof(ServiceErrors))]
    public void From_OciServiceError_ClassifiedByStatusAndCode(int status, string code, bool transient)
    {
        var failure = OciFailure.From(ServiceError(status, code, RequestId), CancellationToken.None);

        Assert.That(failure, Is.Not.Null);
        Assert.That(failure!.Transient, Is.EqualTo(transient));
        Assert.That(failure.Reason, Is.EqualTo(transient ? "OciTransientError" : "OciRequestFailed"));
    }

    [TestCaseSource(nameof(ServiceErrors))]
    public void From_OciServiceError_MessageHasOciMessageAndRequestId(int status, string code, bool transient)
    {
        var failure = OciFailure.From(ServiceError(status, code, RequestId), CancellationToken.None)!;

        Assert.That(failure.Message, Does.Contain("The shape MySQL.Nope is not valid."));
        Assert.That(failure.Message, Does.Contain(RequestId));
        Assert.That(failure.Message, Does.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(failure.Message, Does.Contain(code));
        Assert.That(failure.Message, Does.Contain("CreateDbSystem"));
        Assert.That(failure.OpcRequestId, Is.EqualTo(RequestId));
    }

    [Test]
    public void From_OciServiceErrorWithoutRequestId_NoRequestIdInMessage()
    {
        var failure = OciFailure.From(ServiceError(400, "InvalidParameter", null), CancellationToken.None)!;

        Assert.That(failure.OpcRequestId, Is.Null);
        Assert.That(failure.Message, Does.Not.Contain("opc-request-id"));
        Assert.That(failure.Message, Does.Contain("The shape MySQL.Nope is not valid."));
    }

    [Test]
    public void From_OciServiceErrorWithRetryAfter_RetryAfterKept()
    {
        var ex = new OciServiceException("GetDbSystem", HttpStatusCode.TooManyRequests, "TooManyRequests", "slow down", RequestId, TimeSpan.FromSeconds(42));

        var failure = OciFailure.From(ex, CancellationToken.None)!;

        Assert.That(failure.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(42)));
    }

    private static readonly TestCaseData[] TransportFailures =
    [
        new TestCaseData(new HttpRequestException("Connection refused (mysql.us-ashburn-1.oci.oraclecloud.com:443)"), "OciUnreachable").SetName("From_HttpRequestException_TransientUnreachable"),
        new TestCaseData(new BrokenCircuitException(), "OciUnavailable").SetName("From_BrokenCircuit_TransientUnavailable"),
        new TestCaseData(new RateLimiterRejectedException(), "OciRateLimited").SetName("From_ClientRateLimit_TransientRateLimited"),
        new TestCaseData(new TimeoutException(), "OciTimeout").SetName("From_TimeoutException_TransientTimeout"),
        new TestCaseData(new TimeoutRejectedException(), "OciTimeout").SetName("From_PollyTimeout_TransientTimeout"),
        new TestCaseData(new TaskCanceledException("HttpClient.Timeout"), "OciTimeout").SetName("From_HttpClientTimeoutWhileRunning_TransientTimeout"),
        new TestCaseData(new OperationCanceledException(), "OciTimeout").SetName("From_CancelledWhileRunning_TransientTimeout"),
    ];

    [TestCaseSource(nameof(TransportFailures))]
    public void From_TransportFailure_Transient(Exception ex, string reason)
    {
        var failure = OciFailure.From(ex, CancellationToken.None);

        Assert.That(failure, Is.Not.Null);
        Assert.That(failure!.Transient, Is.True);
        Assert.That(failure.Reason, Is.EqualTo(reason));
        Assert.That(failure.Message, Is.Not.Empty);
    }

    [Test]
    public void From_HttpRequestException_MessageSaysWhy()
    {
        var failure = OciFailure.From(new HttpRequestException("Name or service not known"), CancellationToken.None)!;

        Assert.That(failure.Message, Does.Contain("Name or service not known"));
    }

    [Test]
    public void From_ClientRateLimitWithRetryAfter_RetryAfterKept()
    {
        var failure = OciFailure.From(new RateLimiterRejectedException(TimeSpan.FromSeconds(3)), CancellationToken.None)!;

        Assert.That(failure.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void From_BrokenCircuitWithRetryAfter_RetryAfterKept()
    {
        var failure = OciFailure.From(new BrokenCircuitException(TimeSpan.FromSeconds(20)), CancellationToken.None)!;

        Assert.That(failure.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void From_OciAuthenticationFailure_Permanent()
    {
        var failure = OciFailure.From(new OciAuthenticationException("instance principal: federation endpoint returned 401"), CancellationToken.None)!;

        Assert.That(failure.Transient, Is.False);
        Assert.That(failure.Reason, Is.EqualTo("OciAuthenticationFailed"));
        Assert.That(failure.Message, Does.Contain("federation endpoint returned 401"));
    }

    [Test]
    public void From_OciConfigurationFailure_Permanent()
    {
        var failure = OciFailure.From(new OciConfigurationException("OCI_REGION is not set"), CancellationToken.None)!;

        Assert.That(failure.Transient, Is.False);
        Assert.That(failure.Reason, Is.EqualTo("OciConfigurationInvalid"));
        Assert.That(failure.Message, Does.Contain("OCI_REGION is not set"));
    }

    [Test]
    public void From_CancelledBecauseShuttingDown_NotAFailure()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var failure = OciFailure.From(new OperationCanceledException(cts.Token), cts.Token);

        Assert.That(failure, Is.Null);
    }

    [Test]
    public void From_UnrelatedException_NotClassified()
    {
        Assert.That(OciFailure.From(new InvalidOperationException("bug"), CancellationToken.None), Is.Null);
        Assert.That(OciFailure.From(new ArgumentException("bug"), CancellationToken.None), Is.Null);
    }

    private static OciServiceException ServiceError(int status, string code, string? requestId) =>
        new("CreateDbSystem", (HttpStatusCode)status, code, "The shape MySQL.Nope is not valid.", requestId);
}
