using System.Reflection;
using System.Text.Json.Nodes;
using static OciOperator.Tests.Packaging.PackagingFiles;

namespace OciOperator.Tests.Packaging;

/// <summary>The operator's Deployment as each overlay renders it: Pod Security "restricted", probes, resources, the image and its version, the controllers, the lease namespace and OSOK's credential environment.</summary>
public sealed class ManagerDeploymentTests
{
    /// <summary>OSOK's ocicredentials keys (osok.md §6) and the environment variables the operator reads them from.</summary>
    private static readonly (string Env, string Key)[] CredentialKeys =
    [
        ("AUTH_TYPE", "auth_type"), ("USER", "user"), ("TENANCY", "tenancy"), ("REGION", "region"), ("FINGERPRINT", "fingerprint"),
        ("PASSPHRASE", "passphrase"), ("PRIVATEKEY", "privatekey"), ("OCI_CONFIG_FILE_PATH", "config_file_path"),
        ("OCI_CONFIG_PROFILE", "config_file_profile"),
        ("INSTANCE_PRINCIPAL_DELEGATION_TOKEN", "instance_principal_delegation_token"),
        ("RESOURCE_PRINCIPAL_DELEGATION_TOKEN", "resource_principal_delegation_token"),
        ("INSTANCE_PRINCIPAL_LEAF_CERTIFICATE_PATH", "instance_principal_leaf_certificate_path"),
        ("INSTANCE_PRINCIPAL_LEAF_PRIVATE_KEY_PATH", "instance_principal_leaf_private_key_path"),
        ("INSTANCE_PRINCIPAL_LEAF_PRIVATE_KEY_PASSPHRASE", "instance_principal_leaf_private_key_passphrase"),
        ("INSTANCE_PRINCIPAL_INTERMEDIATE_CERTIFICATE_PATHS", "instance_principal_intermediate_certificate_paths"),
        ("OCI_RESOURCE_PRINCIPAL_VERSION", "oci_resource_principal_version"),
        ("OCI_RESOURCE_PRINCIPAL_RPST", "oci_resource_principal_rpst"),
        ("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM", "oci_resource_principal_private_pem"),
        ("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE", "oci_resource_principal_private_pem_passphrase"),
        ("OCI_RESOURCE_PRINCIPAL_REGION", "oci_resource_principal_region"),
        ("OCI_RESOURCE_PRINCIPAL_RPST_ENDPOINT", "oci_resource_principal_rpst_endpoint"),
        ("OCI_RESOURCE_PRINCIPAL_RPT_ENDPOINT", "oci_resource_principal_rpt_endpoint"),
        ("OCI_KUBERNETES_SERVICE_ACCOUNT_CERT_PATH", "oci_kubernetes_service_account_cert_path"),
    ];

    private static IEnumerable<TestCaseData> OverlayNames() => Overlays.Select(o => new TestCaseData(o.Overlay).SetArgDisplayNames(o.Overlay));

    private static IEnumerable<TestCaseData> CredentialCases() =>
        from o in Overlays
        from c in CredentialKeys
        select new TestCaseData(o.Overlay, c.Env, c.Key).SetArgDisplayNames(o.Overlay, c.Key);

    [TestCaseSource(nameof(OverlayNames))]
    public async Task Deployment_PassesPodSecurityRestricted(string overlay)
    {
        var pod = PodSpec(await RenderObjectsAsync(overlay));
        var container = Manager(pod);

        Assert.Multiple(() =>
        {
            Assert.That(pod["securityContext"]?["runAsNonRoot"]?.GetValue<bool>(), Is.True, "runAsNonRoot");
            Assert.That(pod["securityContext"]?["runAsUser"]?.GetValue<long>(), Is.EqualTo(65532), "runAsUser");
            Assert.That(Str(pod["securityContext"]?["seccompProfile"]?["type"]), Is.EqualTo("RuntimeDefault"), "seccompProfile");
            Assert.That(container["securityContext"]?["allowPrivilegeEscalation"]?.GetValue<bool>(), Is.False, "allowPrivilegeEscalation");
            Assert.That(container["securityContext"]?["readOnlyRootFilesystem"]?.GetValue<bool>(), Is.True, "readOnlyRootFilesystem");
            Assert.That(container["securityContext"]?["capabilities"]?["drop"]?.AsArray().Select(Str), Is.EqualTo(new[] { "ALL" }), "capabilities.drop");
            Assert.That(container["securityContext"]?["capabilities"]?["add"], Is.Null, "capabilities.add");
            Assert.That(container["securityContext"]?["privileged"]?.GetValue<bool>() ?? false, Is.False, "privileged");
            Assert.That((pod["volumes"] as JsonArray ?? []).OfType<JsonObject>().Where(v => v["hostPath"] is not null), Is.Empty, "hostPath volumes");
            Assert.That((container["volumeMounts"] as JsonArray ?? []).Select(m => Str(m?["mountPath"])), Does.Contain("/tmp"), "a writable /tmp");
        });
    }

    [TestCaseSource(nameof(OverlayNames))]
    public async Task Deployment_HasProbesRequestsAndLimits(string overlay)
    {
        var container = Manager(PodSpec(await RenderObjectsAsync(overlay)));

        Assert.Multiple(() =>
        {
            Assert.That(Str(container["livenessProbe"]?["httpGet"]?["path"]), Is.EqualTo("/healthz"));
            Assert.That(Str(container["readinessProbe"]?["httpGet"]?["path"]), Is.EqualTo("/readyz"));
            foreach (var part in new[] { "requests", "limits" })
            {
                Assert.That(container["resources"]?[part]?["cpu"], Is.Not.Null, $"{part}.cpu");
                Assert.That(container["resources"]?[part]?["memory"], Is.Not.Null, $"{part}.memory");
            }
        });
    }

    [TestCaseSource(nameof(OverlayNames))]
    public async Task Deployment_ImageIsAFullReferenceTaggedWithTheAssemblyVersion(string overlay)
    {
        var image = Str(Manager(PodSpec(await RenderObjectsAsync(overlay)))["image"]);
        var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        Assert.That(image, Does.Match(@"^[a-z0-9.-]+\.[a-z]+(:[0-9]+)?/[a-z0-9./_-]+:v[0-9]+\.[0-9]+\.[0-9]+.*$"), "registry/repository:vX.Y.Z");
        Assert.That(image, Does.Not.EndWith(":latest"));
        Assert.That(image, Does.EndWith(":v" + version), "the image tag and Directory.Build.props' <Version> are one version");
    }

    [TestCase("default", "--controllers=dbsystem,rgd")]
    [TestCase("dbsystem-only", "--controllers=dbsystem")]
    public async Task Deployment_NamesItsControllersExplicitly(string overlay, string expected)
    {
        var args = Manager(PodSpec(await RenderObjectsAsync(overlay)))["args"]!.AsArray().Select(Str).ToList();

        Assert.That(args.Where(a => a.StartsWith("--controllers", StringComparison.Ordinal)), Is.EqualTo(new[] { expected }));
        Assert.That(args[0], Is.EqualTo("run"));
    }

    [TestCaseSource(nameof(OverlayNames))]
    public async Task Deployment_LeaseLivesInTheOperatorsNamespace(string overlay)
    {
        var objects = await RenderObjectsAsync(overlay);
        var container = Manager(PodSpec(objects));
        var podNamespace = (container["env"] as JsonArray ?? []).OfType<JsonObject>().SingleOrDefault(e => Str(e["name"]) == "POD_NAMESPACE");
        var role = Single(objects, "Role", "oci-operator-leader-election-role");

        Assert.That(container["args"]!.AsArray().Select(Str), Does.Contain("--leader-election-namespace=$(POD_NAMESPACE)"));
        Assert.That(Str(podNamespace?["valueFrom"]?["fieldRef"]?["fieldPath"]), Is.EqualTo("metadata.namespace"));
        Assert.That(Str(role["metadata"]?["namespace"]), Is.EqualTo(OperatorNamespace));
        Assert.That(role["rules"]!.AsArray().OfType<JsonObject>().Any(r =>
            r["apiGroups"]!.AsArray().Select(Str).Contains("coordination.k8s.io") && r["resources"]!.AsArray().Select(Str).Contains("leases")), Is.True);
    }

    [TestCaseSource(nameof(CredentialCases))]
    public async Task Deployment_MapsOsokCredentialKeyToItsEnvironmentVariable(string overlay, string env, string key)
    {
        var container = Manager(PodSpec(await RenderObjectsAsync(overlay)));
        var entry = (container["env"] as JsonArray ?? []).OfType<JsonObject>().SingleOrDefault(e => Str(e["name"]) == env);

        Assert.That(entry, Is.Not.Null, env);
        var reference = entry!["valueFrom"]?["secretKeyRef"];
        Assert.That(Str(reference?["name"]), Is.EqualTo("ocicredentials"));
        Assert.That(Str(reference?["key"]), Is.EqualTo(key));
        Assert.That(reference?["optional"]?.GetValue<bool>(), Is.True);
    }

    internal static JsonObject PodSpec(List<JsonObject> objects) =>
        (JsonObject)Single(objects, "Deployment", ServiceAccount)["spec"]!["template"]!["spec"]!;

    internal static JsonObject Manager(JsonObject pod) =>
        pod["containers"]!.AsArray().OfType<JsonObject>().Single(c => Str(c["name"]) == "manager");
}
