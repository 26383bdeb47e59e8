using OciOperator.Testing;

namespace OciOperator.Mysql.Tests.Crd;

/// <summary>
/// The committed DbSystem CRD, installed with the real kubectl in the Sandbox, makes the API server enforce its CEL rules
/// (the cross-field <c>port != portX</c>) before the operator ever sees the object.
/// </summary>
[NonParallelizable]
public sealed class DbSystemCrdAdmissionTests
{
    private KubeTestServer _kube = null!;
    private KubectlRunner _kubectl = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl (.ci/run installs it).");
        }

        _kube = await KubeTestServer.StartAsync();
        _kubectl = new KubectlRunner(_kube.Server.BuildKubeconfig());
        var crd = Path.Combine(RepositoryPaths.CrdDirectory, "bases", "mysql.oracle.com_dbsystems.yaml");
        var installed = await _kubectl.RunAsync("apply", "-f", crd);
        Assert.That(installed.ExitCode, Is.Zero, installed.ToString());
        var established = await _kubectl.RunAsync("wait", "crd/dbsystems.mysql.oracle.com", "--for=condition=Established", "--timeout=30s");
        Assert.That(established.ExitCode, Is.Zero, established.ToString());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _kubectl?.Dispose();
        if (_kube is not null)
        {
            await _kube.DisposeAsync();
        }
    }

    [TestCase("equal-ports", "port: 3306\n    portX: 3306", false)]
    [TestCase("distinct-ports", "port: 3306\n    portX: 33060", true)]
    [TestCase("only-port", "port: 3306", true)]
    [TestCase("only-portx", "portX: 3306", true)]
    public async Task Apply_Ports_AcceptedOnlyWhenTheyDiffer(string name, string ports, bool accepted)
    {
        var file = _kubectl.WriteFile(name + ".yaml", $"""
            apiVersion: mysql.oracle.com/v1beta1
            kind: DbSystem
            metadata:
              name: {name}
            spec:
                compartmentId: ocid1.compartment.oc1..example
                subnetId: ocid1.subnet.oc1..example
                shapeName: MySQL.2
                availabilityDomain: AD-1
                {ports}
            """);

        var result = await _kubectl.RunAsync("apply", "-f", file);

        if (accepted)
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
        }
        else
        {
            Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
            Assert.That(result.Stderr, Does.Contain("spec.portX: Invalid value").And.Contain("port and portX must differ"), result.ToString());
        }
    }
}
