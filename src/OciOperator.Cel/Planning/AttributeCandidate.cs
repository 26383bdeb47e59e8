using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// One way to read a qualified name: a variable name, then field selections on its value (keys built once, each with
/// the source offset of its '.').
/// </summary>
internal sealed record AttributeCandidate(string Variable, StringValue[] Fields, int[] FieldPositions);
