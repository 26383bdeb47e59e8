namespace OciOperator.Runtime.Client;

/// <summary>Options of a list call.</summary>
public sealed record ListOptions(string? Namespace = null, string? LabelSelector = null, string? FieldSelector = null);
