namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>One entry of a Status's <c>details.causes</c>, e.g. a server-side apply field conflict.</summary>
internal sealed record PatchCause(string Reason, string Message, string Field);
