using System.Diagnostics;

namespace OciOperator.Testing;

/// <summary>Runs the real <c>/usr/bin/kubectl</c> with the server's kubeconfig and a fresh cache directory.</summary>
public sealed class KubectlRunner : IDisposable
{
    private readonly string _directory;

    public KubectlRunner(string kubeconfigText)
    {
        _directory = Path.Combine(Path.GetTempPath(), "sandbox-kubectl-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(_directory);
        KubeconfigPath = Path.Combine(_directory, "kubeconfig");
        File.WriteAllText(KubeconfigPath, kubeconfigText);
        CacheDirectory = Path.Combine(_directory, "cache");
    }

    public string KubeconfigPath { get; }

    public string CacheDirectory { get; }

    public string Directory => _directory;

    public static bool Available => File.Exists("/usr/bin/kubectl");

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<KubectlResult> RunAsync(params string[] args) => await RunAsync(TimeSpan.FromSeconds(60), args);

    public async Task<KubectlResult> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        using var cts = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts kubectl without waiting (for <c>get -w</c>); the caller reads and kills it.</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig=" + KubeconfigPath);
        info.ArgumentList.Add("--cache-dir=" + CacheDirectory);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["HOME"] = _directory;
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort cleanup of a temp directory.
        }
    }
}
