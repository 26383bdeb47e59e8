using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// One way to read a qualified name: a variable name, then field selections on its value (keys built once, each with
/// the source offset of its '.'). The variable is compiled to a slot of the program (<see cref="VariableSlot"/>), so
/// that an evaluation looks each variable up by name at most once, and to its declared type (<see cref="DeclaredType"/>,
/// used when the activation carries the declarations the program was checked against, without a look-up).
/// </summary>
internal sealed record AttributeCandidate(string Variable, StringValue[] Fields, int[] FieldPositions, int VariableSlot, CelType? DeclaredType);
