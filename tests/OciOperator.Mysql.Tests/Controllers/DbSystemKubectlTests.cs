using k8s;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Secrets;
using OciOperator.Mysql.Tests.Support;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary>The user's path: the seed sample and its admin Secret applied with the real kubectl, to ACTIVE and back.</summary>
[NonParallelizable]
public sealed class DbSystemKubectlTests
{
    private const string AdminSecret = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: admin-secret
        stringData:
          username: admin
          password: Sample-Passw0rd!
        """;

    private DbSystemEnvironment _env = null!;
    private KubectlRunner _kubectl = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl (.ci/run installs it).");
        }

        _env = await DbSystemEnvironment.StartAsync();
        await _env.StartOperatorAsync();
        _kubectl = new KubectlRunner(_env.Kube.BuildKubeconfig());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _kubectl?.Dispose();
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    [Test]
    public async Task SeedSample_AppliedWithKubectl_ActiveWithEndpointSecretThenDeletedInOrder()
    {
        var secretFile = _kubectl.WriteFile("admin-secret.yaml", AdminSecret);
        var sample = Path.Combine(RepositoryPaths.Shared, "fixtures", "seed", "dbsystem_sample.yaml");
        Assert.That((await _kubectl.RunAsync("apply", "-f", secretFile)).ExitCode, Is.Zero);
        var applied = await _kubectl.RunAsync("apply", "-f", sample);
        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());

        var wait = await _kubectl.RunAsync(TimeSpan.FromSeconds(90), "wait", "dbsystem/mysql-dbsystem-sample", "--for=condition=Ready", "--timeout=60s");
        Assert.That(wait.ExitCode, Is.Zero, wait.ToString());
        var active = await _env.WaitForActiveAsync("default", "mysql-dbsystem-sample");
        Assert.That(active.Status!.Conditions!.Single().Type, Is.EqualTo(DbSystemConditionType.Ready));
        Assert.That(active.Status.Conditions!.Single().ObservedGeneration, Is.EqualTo(active.Metadata.Generation));
        var ocid = active.Status!.Status.Ocid!;
        Assert.That(active.Status.Id, Is.EqualTo(ocid));
        Assert.That(DbSystemEnvironment.Condition(active, DbSystemConditionType.Ready)?.Status, Is.EqualTo("True"));

        var secret = await _env.Client.CoreV1.ReadNamespacedSecretAsync("mysql-dbsystem-sample", "default");
        Assert.That(secret.Data.Keys, Is.EquivalentTo(EndpointSecretKeys.All));
        Assert.That(secret.Metadata.Labels[EndpointSecretLabels.OwnerUid], Is.EqualTo(active.Metadata.Uid));
        Assert.That(secret.Metadata.OwnerReferences.Single().Uid, Is.EqualTo(active.Metadata.Uid));
        Assert.That(System.Text.Encoding.UTF8.GetString(secret.Data["PrivateIPAddress"]), Is.EqualTo(active.Status.IpAddress));

        var table = await _kubectl.RunAsync("get", "dbsystems");
        Assert.That(table.Stdout, Does.Match(@"NAME\s+STATUS\s+LIFECYCLESTATE\s+AGE"));
        Assert.That(table.Stdout, Does.Match(@"mysql-dbsystem-sample\s+Active\s+ACTIVE\s+\d+s"));
        var wide = await _kubectl.RunAsync("get", "dbsystems", "-o", "wide");
        Assert.That(wide.Stdout, Does.Match(@"NAME\s+DISPLAYNAME\s+STATUS\s+LIFECYCLESTATE\s+OCID\s+AGE"));
        Assert.That(wide.Stdout, Does.Contain(ocid));
        var describe = await _kubectl.RunAsync("describe", "dbsystem", "mysql-dbsystem-sample");
        Assert.That(describe.Stdout, Does.Contain("EndpointSecretCreated").And.Contain("Active"), describe.ToString());

        var deleted = await _kubectl.RunAsync(TimeSpan.FromSeconds(60), "delete", "dbsystem", "mysql-dbsystem-sample");
        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());

        // kubectl delete waits for the finalizer: by now OCI has deleted it, then the Secret went, then the CR.
        Assert.That(_env.Oci.DbSystems.Single(d => d.Id == ocid).LifecycleState, Is.EqualTo("DELETED"));
        Assert.That((await _kubectl.RunAsync("get", "secret", "mysql-dbsystem-sample")).ExitCode, Is.Not.Zero);
        Assert.That(await _env.GetAsync("default", "mysql-dbsystem-sample"), Is.Null);
        Assert.That(_env.Oci.Calls.CountSucceeded("CreateDbSystem"), Is.EqualTo(1));
        Assert.That(_env.Oci.Calls.CountSucceeded("DeleteDbSystem"), Is.EqualTo(1));
        var events = await _env.EventsAsync("default", "mysql-dbsystem-sample");
        Assert.That(events.Select(e => e.Reason), Does.Contain("DeleteRequested").And.Contain("Deleted"));
    }
}
