using OciOperator.Cel.Ast;
using OciOperator.Cel.Values;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Building;

/// <summary>
/// Static checks of literal <c>runtime.newCondition({...})</c> calls in <c>schema.status.conditions</c>
/// (kro <c>cel/library/runtime.go</c>, <c>conditions.go</c>): known keys, required type and status, a literal status
/// of True/False/Unknown, and one entry per condition type.
/// </summary>
internal sealed partial class GraphBuild
{
    private static readonly string[] ConditionKeys = ["type", "status", "reason", "message"];

    private void CheckConditionLiteral(DraftExpression expression, Dictionary<string, int> types, int index)
    {
        if (expression.Ast is not CallExpr { Target: IdentExpr { Name: Runtime }, Function: "newCondition" } call)
        {
            return;
        }

        if (call.Args is not [MapExpr map])
        {
            Report(GraphErrorGroup.Status, null, expression, $"failed to type-check condition \"{expression.Display}\": runtime.newCondition: argument must be a map literal");
            return;
        }

        var literals = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (entry.Key is not ConstantExpr { Value: StringValue key })
            {
                Report(GraphErrorGroup.Status, null, expression, $"failed to type-check condition \"{expression.Display}\": runtime.newCondition: keys must be bare identifiers");
                return;
            }

            if (!ConditionKeys.Contains(key.Value))
            {
                Report(GraphErrorGroup.Status, null, expression,
                    $"failed to type-check condition \"{expression.Display}\": runtime.newCondition: unknown key \"{key.Value}\" (allowed: type, status, reason, message)");
                return;
            }

            literals[key.Value] = entry.Value is ConstantExpr { Value: StringValue s } ? s.Value : null;
        }

        foreach (var required in (string[])["type", "status"])
        {
            if (!literals.ContainsKey(required))
            {
                Report(GraphErrorGroup.Status, null, expression, $"failed to type-check condition \"{expression.Display}\": runtime.newCondition: '{required}' is required");
                return;
            }
        }

        if (literals["status"] is { } status && status is not ("True" or "False" or "Unknown"))
        {
            Report(GraphErrorGroup.Status, null, expression,
                $"runtime.newCondition: status must be one of True, False, Unknown (got \"{status}\") in expression \"{expression.Display}\"");
        }

        if (literals["type"] is { } type)
        {
            if (type.Length == 0)
            {
                Report(GraphErrorGroup.Status, null, expression, $"runtime.newCondition: type must not be empty in expression \"{expression.Display}\"");
            }
            else if (!types.TryAdd(type, index))
            {
                Report(GraphErrorGroup.Status, null, expression, $"condition type \"{type}\" is declared by more than one conditions entry");
            }
        }
    }
}
