using System.Diagnostics;

namespace OciOperator.Bundle;

/// <summary>Renders a kustomization with <c>kubectl kustomize</c> (kustomize is built into kubectl since 1.14).</summary>
internal sealed class Kustomize(string kubectl)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>The rendered YAML of the kustomization in <paramref name="directory"/>.</summary>
    /// <exception cref="BundleSourceException">kubectl is missing, fails or does not finish within a minute.</exception>
    public async Task<string> BuildAsync(string directory, CancellationToken ct)
    {
        var info = new ProcessStartInfo(kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("kustomize");
        info.ArgumentList.Add(directory);

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new BundleSourceException($"could not start {kubectl}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BundleSourceException($"cannot run '{kubectl} kustomize' ({ex.Message}); install kubectl or pass --kubectl PATH");
        }

        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(Timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                throw new BundleSourceException($"'{kubectl} kustomize {directory}' did not finish within {Timeout.TotalSeconds:0} s");
            }

            if (process.ExitCode != 0)
            {
                throw new BundleSourceException($"'{kubectl} kustomize {directory}' failed: {(await stderr.ConfigureAwait(false)).Trim()}");
            }

            return await stdout.ConfigureAwait(false);
        }
    }
}
