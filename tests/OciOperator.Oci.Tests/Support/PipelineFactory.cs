using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Telemetry;

namespace OciOperator.Oci.Tests.Support;

/// <summary>Builds a MySQL client over a given handler with a static test user key.</summary>
internal static class PipelineFactory
{
    public static readonly Uri Endpoint = new("http://mysql.test/20190415");

    public static IAuthenticationProvider StaticUser() =>
        StaticKeyAuthenticationProvider.Create("ocid1.tenancy.oc1..t", "ocid1.user.oc1..u", "aa:bb", TestKeys.NewKey(1024), "us-ashburn-1");

    public static MysqlDbSystemClient Client(HttpMessageHandler handler, OciResilienceOptions options, TimeProvider time, IAuthenticationProvider? auth = null, OciTelemetry? telemetry = null, Uri? endpoint = null) =>
        new(new OciHttpPipeline(new HttpClient(handler), auth ?? StaticUser(), endpoint ?? Endpoint, options, time, telemetry ?? new OciTelemetry(), NullLogger.Instance, new Random(7)));

    public static OciResilienceOptions NoDelays(int attempts = 8) => new()
    {
        MaxAttempts = attempts,
        RetryBaseDelay = TimeSpan.Zero,
        RetryJitter = TimeSpan.Zero,
        RateLimitPerSecond = 0,
        CircuitMinimumThroughput = 1000,
    };
}
