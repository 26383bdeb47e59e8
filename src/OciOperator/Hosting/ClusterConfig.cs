using k8s;
using k8s.Exceptions;

namespace OciOperator.Hosting;

/// <summary>
/// Finds the cluster <c>run</c> works against, as kubectl and controller-runtime do: <c>--kubeconfig</c>, else the
/// in-cluster service account, else <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>. Unlike the client's
/// <c>BuildDefaultConfig</c>, finding none is an error, never a silent <c>http://localhost:8080</c>.
/// </summary>
internal static class ClusterConfig
{
    /// <summary>The configuration, or null with the reason in <paramref name="error"/>.</summary>
    public static KubernetesClientConfiguration? Resolve(string? kubeconfig, out string? error)
    {
        error = null;
        try
        {
            if (kubeconfig is not null)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);
            }

            if (KubernetesClientConfiguration.IsInCluster())
            {
                return KubernetesClientConfiguration.InClusterConfig();
            }

            var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG")?
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(File.Exists);
            if (fromEnvironment is not null)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(fromEnvironment);
            }

            var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
            if (File.Exists(home))
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(home);
            }

            error = "no Kubernetes configuration found: not running in a cluster (KUBERNETES_SERVICE_HOST is not set), "
                + $"$KUBECONFIG names no existing file and {home} does not exist. Pass --kubeconfig FILE, set KUBECONFIG, or run inside a cluster.";
            return null;
        }
        catch (Exception e) when (e is KubeConfigException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            error = $"no usable Kubernetes configuration: {e.Message}. Pass --kubeconfig FILE or run inside a cluster.";
            return null;
        }
    }
}
