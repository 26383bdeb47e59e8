using OciOperator.Cel;
using OciOperator.Cel.Values;

namespace OciOperator.ResourceGraph.Graph;

/// <summary>
/// One checked expression: the text as written (<c>${...}</c> included, or the template string), the CEL program
/// (compiled once, evaluated per instance), its result type, and the resource ids it reads.
/// </summary>
public sealed record CompiledExpression(string Source, CelProgram Program, IReadOnlyList<string> References)
{
    public CelType ResultType => Program.ResultType;
}
