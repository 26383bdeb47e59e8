namespace OciOperator.Bundle;

/// <summary>The generated bundle files, or every problem found in <c>config/</c> (then no file is written).</summary>
internal sealed record BundleResult(IReadOnlyList<BundleFile> Files, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
