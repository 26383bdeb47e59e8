using OciOperator.Tests.Support;

namespace OciOperator.Tests.Packaging;

public sealed class DeployManifestTests
{
    [Test]
    public async Task DeployManifest_MatchesKustomizeRenderingOfConfigDefault()
    {
        var rendered = await ProcessRunner.RunAsync("kubectl", ["kustomize", Path.Combine(RepositoryPaths.Root, "config", "default")], TimeSpan.FromSeconds(60));
        Assert.That(rendered.ExitCode, Is.EqualTo(0), rendered.StandardError);

        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "oci-operator.yaml"));
        var body = string.Join('\n', committed.Split('\n').Where(line => !line.StartsWith('#')));

        Assert.That(body.Trim(), Is.EqualTo(rendered.StandardOutput.Trim()),
            "deploy/oci-operator.yaml is stale: run `kubectl kustomize config/default` and commit the result");
    }

    [Test]
    public async Task ManagerDeployment_MapsEveryOsokCredentialKeyToItsEnvironmentVariable()
    {
        var manager = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "config", "manager", "manager.yaml"));

        string[] pairs =
        [
            "AUTH_TYPE:auth_type", "USER:user", "TENANCY:tenancy", "REGION:region", "FINGERPRINT:fingerprint",
            "PASSPHRASE:passphrase", "PRIVATEKEY:privatekey", "OCI_CONFIG_FILE_PATH:config_file_path",
            "OCI_CONFIG_PROFILE:config_file_profile",
        ];
        foreach (var pair in pairs)
        {
            var (env, key) = (pair.Split(':')[0], pair.Split(':')[1]);
            Assert.That(manager, Does.Contain($"- name: {env}\n              valueFrom:\n                secretKeyRef: {{ name: ocicredentials, key: {key}, optional: true }}"), env);
        }
    }
}
