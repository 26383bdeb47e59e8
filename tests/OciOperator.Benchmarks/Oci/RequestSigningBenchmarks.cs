using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using OciOperator.Oci.Signing;

namespace OciOperator.Benchmarks.Oci;

/// <summary>Cost of signing one OCI request (RSA-2048, SHA-256), for a GET and for a POST with a create body.</summary>
[MemoryDiagnoser]
public class RequestSigningBenchmarks
{
    private SigningCredentials _credentials = null!;
    private SigningInput _get = null!;
    private SigningInput _post = null!;

    [GlobalSetup]
    public void Setup()
    {
        _credentials = new SigningCredentials("ocid1.tenancy.oc1..t/ocid1.user.oc1..u/aa:bb", RSA.Create(2048));
        var date = RequestSigner.FormatDate(DateTimeOffset.UnixEpoch);
        _get = new SigningInput("GET", "/20190415/dbSystems/ocid1.mysqldbsystem.oc1..x", "mysql.us-ashburn-1.ocp.oraclecloud.com", date);
        var body = Encoding.UTF8.GetBytes(new string('x', 1500));
        _post = new SigningInput("POST", "/20190415/dbSystems", "mysql.us-ashburn-1.ocp.oraclecloud.com", date, body);
    }

    [GlobalCleanup]
    public void Cleanup() => _credentials.PrivateKey.Dispose();

    [Benchmark(Description = "sign GET")]
    public RequestSignature SignGet() => RequestSigner.Sign(_get, _credentials);

    [Benchmark(Description = "sign POST (1.5 KB body)")]
    public RequestSignature SignPost() => RequestSigner.Sign(_post, _credentials);
}
