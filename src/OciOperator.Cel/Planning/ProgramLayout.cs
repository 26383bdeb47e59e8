using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// What an evaluation of a program needs room for, fixed at plan time: comprehension variable slots, variable slots
/// (one per distinct variable name the program reads) and the declarations the program was checked against (whose
/// types the planner bound to the variable reads; null for unchecked programs).
/// </summary>
internal sealed record ProgramLayout(int Slots, int Variables, IReadOnlyDictionary<string, CelType>? Declared);
