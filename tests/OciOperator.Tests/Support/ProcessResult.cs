namespace OciOperator.Tests.Support;

/// <summary>What an external program printed and how it exited.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
