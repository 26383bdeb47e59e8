using OciOperator.Hosting;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

/// <summary>The Sandbox on a file system it cannot write (a container's read-only root) gives one clear error line, never a crash.</summary>
public sealed class SandboxReadOnlyTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "oci-operator.dll");

    // sysfs and procfs refuse new files even to root (CI runs as root, so permission bits alone would not do).
    [TestCase("/sys/sandbox.kubeconfig", TestName = "Sandbox_KubeconfigOnSysfs_OneErrorLineExitOne")]
    [TestCase("/proc/oci-operator/sandbox.kubeconfig", TestName = "Sandbox_KubeconfigUnderProcfs_OneErrorLineExitOne")]
    public async Task Sandbox_KubeconfigNotWritable_PrintsOneErrorLineAndExitsOne(string kubeconfig)
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet", [Dll, "sandbox", "--kubeconfig", kubeconfig, "--metrics-bind-address", "0", "--health-probe-bind-address", "0"], TimeSpan.FromSeconds(60));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardError);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.StandardError);
        Assert.That(lines[0], Does.StartWith($"error: cannot write the Sandbox kubeconfig {kubeconfig} ("));
        Assert.That(lines[0], Does.EndWith("--kubeconfig /tmp/sandbox.kubeconfig."));
    }

    [Test]
    public void WriteProblem_WritableDirectory_IsNullAndLeavesNoFile()
    {
        var directory = Path.Combine(Path.GetTempPath(), "kubeconfig-dir-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.That(KubeconfigDirectory.WriteProblem(Path.Combine(directory, "sandbox.kubeconfig")), Is.Null);
            Assert.That(Directory.EnumerateFileSystemEntries(directory), Is.Empty);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
