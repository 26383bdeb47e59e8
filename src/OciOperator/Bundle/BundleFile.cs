namespace OciOperator.Bundle;

/// <summary>One file of the bundle: its path relative to the bundle directory (with <c>/</c>) and its exact text.</summary>
internal sealed record BundleFile(string RelativePath, string Text);
