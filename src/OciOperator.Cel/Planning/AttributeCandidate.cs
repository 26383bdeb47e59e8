namespace OciOperator.Cel.Planning;

/// <summary>One way to read a qualified name: a variable name, then field selections on its value.</summary>
internal sealed record AttributeCandidate(string Variable, string[] Fields);
