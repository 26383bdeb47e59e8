using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Tests.Patching;

/// <summary>
/// Runs the real <c>kubectl patch --local --type strategic</c> (apimachinery's strategic merge patch with kubectl's
/// compiled-in built-in types) on an object, offline: the reference our implementation is checked against.
/// </summary>
internal static class KubectlLocalPatch
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>True when a <c>kubectl</c> binary is on the PATH.</summary>
    public static bool IsAvailable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "kubectl")));

    /// <summary>The patched object, or the error text kubectl printed.</summary>
    public static async Task<(JsonNode? Result, string Error)> ApplyAsync(JsonObject target, string patch, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"smp-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, target.ToJsonString(), ct);
        try
        {
            var start = new ProcessStartInfo("kubectl")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "patch", "--local", "-f", file, "--type", "strategic", "-p", patch, "-o", "json" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["KUBECONFIG"] = Path.Combine(Path.GetTempPath(), "smp-no-kubeconfig");
            using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Deadline);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? (JsonNode.Parse(await stdout), string.Empty) : (null, await stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
