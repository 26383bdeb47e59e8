using System.Net;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Telemetry;

namespace OciOperator.Benchmarks.Oci;

/// <summary>
/// Client overhead per call: GetDbSystem through the whole client pipeline (signing, Polly retry/circuit/timeout,
/// JSON, telemetry) over an in-memory handler that answers at once; compare with <see cref="RequestSigningBenchmarks"/>
/// to see what the pipeline adds to signing.
/// </summary>
[MemoryDiagnoser]
public class MysqlClientOverheadBenchmarks
{
    private const string Body = """
        {"id":"ocid1.mysqldbsystem.oc1..x","displayName":"db","compartmentId":"ocid1.compartment.oc1..c","subnetId":"ocid1.subnet.oc1..s",
         "availabilityDomain":"Uocm:PHX-AD-1","faultDomain":"FAULT-DOMAIN-1","shapeName":"MySQL.2","mysqlVersion":"8.0.36","ipAddress":"10.0.0.3",
         "port":3306,"portX":33060,"lifecycleState":"ACTIVE","timeCreated":"2026-01-01T00:00:00.000Z","timeUpdated":"2026-01-01T00:00:00.000Z",
         "endpoints":[{"ipAddress":"10.0.0.3","port":3306,"portX":33060,"modes":["READ","WRITE"],"status":"ACTIVE"}]}
        """;

    private MysqlDbSystemClient _client = null!;
    private RSA _key = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = RSA.Create(2048);
        var auth = StaticKeyAuthenticationProvider.Create("ocid1.tenancy.oc1..t", "ocid1.user.oc1..u", "aa:bb", _key, "us-ashburn-1");
        var options = new OciResilienceOptions { RateLimitPerSecond = 0 };
        var http = new HttpClient(new AnswerHandler());
        _client = new MysqlDbSystemClient(new OciHttpPipeline(
            http, auth, new Uri("http://mysql.bench/20190415"), options, TimeProvider.System, new OciTelemetry(), NullLogger.Instance, new Random(1)));
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Description = "GetDbSystem through the client pipeline")]
    public Task<GetDbSystemResult> Get() => _client.GetDbSystemAsync("ocid1.mysqldbsystem.oc1..x", null, CancellationToken.None);

    private sealed class AnswerHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
            response.Headers.Add("opc-request-id", "bench");
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"e1\"");
            return Task.FromResult(response);
        }
    }
}
