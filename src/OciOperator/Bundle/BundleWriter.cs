namespace OciOperator.Bundle;

/// <summary>
/// Writes the bundle into its directory: every generated file, and no other file in the directories the bundle owns
/// (<c>manifests/</c>, <c>metadata/</c>, <c>tests/scorecard/</c>), so an object removed from <c>config/</c> leaves the
/// bundle too.
/// </summary>
internal static class BundleWriter
{
    private static readonly string[] OwnedDirectories = [BundleLayout.ManifestsDirectory, BundleLayout.MetadataDirectory, BundleLayout.ScorecardDirectory];

    /// <summary>Writes <paramref name="files"/> under <paramref name="directory"/>; returns the paths of stale files it removed.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, IReadOnlyList<BundleFile> files, CancellationToken ct)
    {
        var wanted = files.Select(f => Path.GetFullPath(Path.Combine(directory, f.RelativePath))).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var owned in OwnedDirectories.Select(d => Path.Combine(directory, d)).Where(Directory.Exists))
        {
            foreach (var stale in Directory.EnumerateFiles(owned).Where(p => !wanted.Contains(Path.GetFullPath(p))).ToList())
            {
                File.Delete(stale);
                removed.Add(stale);
            }
        }

        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, file.Text, ct).ConfigureAwait(false);
        }

        return removed;
    }
}
