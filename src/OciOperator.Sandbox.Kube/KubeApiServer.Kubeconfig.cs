using System.Text;

namespace OciOperator.Sandbox.Kube;

/// <summary>The kubeconfig writer.</summary>
public sealed partial class KubeApiServer
{
    private readonly string? _token;

    /// <summary>A kubeconfig (YAML) with one cluster, user and context named <paramref name="contextName"/>, current.</summary>
    public string BuildKubeconfig(string contextName = "sandbox")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contextName);
        var name = Quote(contextName);
        var server = Quote(BaseAddress.ToString().TrimEnd('/'));
        var sb = new StringBuilder();
        sb.Append("apiVersion: v1\n");
        sb.Append("kind: Config\n");
        sb.Append("clusters:\n");
        sb.Append("- name: ").Append(name).Append('\n');
        sb.Append("  cluster:\n");
        sb.Append("    server: ").Append(server).Append('\n');
        sb.Append("users:\n");
        sb.Append("- name: ").Append(name).Append('\n');
        sb.Append("  user:");
        // KubernetesClient refuses a user without credentials, so an open server gets a placeholder token it ignores.
        sb.Append("\n    token: ").Append(Quote(_token ?? "sandbox-no-auth")).Append('\n');
        sb.Append("contexts:\n");
        sb.Append("- name: ").Append(name).Append('\n');
        sb.Append("  context:\n");
        sb.Append("    cluster: ").Append(name).Append('\n');
        sb.Append("    user: ").Append(name).Append('\n');
        sb.Append("    namespace: default\n");
        sb.Append("current-context: ").Append(name).Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes <see cref="BuildKubeconfig"/> to <paramref name="path"/> (owner-only permissions on Unix).</summary>
    public async Task WriteKubeconfigAsync(string path, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, BuildKubeconfig(), new UTF8Encoding(false), ct).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
