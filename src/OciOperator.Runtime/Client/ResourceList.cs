namespace OciOperator.Runtime.Client;

/// <summary>The items of a list and the list's resourceVersion (where a watch continues from).</summary>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string ResourceVersion);
