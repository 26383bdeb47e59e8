using OciOperator.Cel.Ast;

namespace OciOperator.ResourceGraph.Expressions;

/// <summary>
/// Walks a parsed (unchecked) CEL AST like kro's <c>pkg/cel/ast/inspector.go</c>: collects the free identifiers (names
/// bound by comprehensions are not free), calls to functions the environment does not know, and <c>omit()</c> calls.
/// A free identifier used only as the target of a namespaced function (<c>random.seededString</c>) is not a reference.
/// </summary>
internal sealed class ExpressionInspector
{
    private const int MaxDepth = 512;
    private readonly IReadOnlySet<string> _functions;
    private readonly IReadOnlySet<string> _variables;
    private readonly List<string> _identifiers = [];
    private readonly List<string> _unknownFunctions = [];
    private readonly Stack<string> _bound = new();
    private bool _usesOmit;

    private ExpressionInspector(IReadOnlySet<string> functions, IReadOnlySet<string> variables)
    {
        _functions = functions;
        _variables = variables;
    }

    /// <param name="ast">The parsed expression.</param>
    /// <param name="functions">Every function name known (with namespaces, e.g. <c>random.seededString</c>).</param>
    /// <param name="variables">Names that may be variables (so <c>x.f()</c> with a variable <c>x</c> is a member call).</param>
    public static ExpressionInspection Inspect(Expr ast, IReadOnlySet<string> functions, IReadOnlySet<string> variables)
    {
        var inspector = new ExpressionInspector(functions, variables);
        inspector.Visit(ast, 0);
        return new ExpressionInspection(inspector._identifiers, inspector._unknownFunctions, inspector._usesOmit);
    }

    private void Visit(Expr expr, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (expr)
        {
            case IdentExpr ident:
                AddIdentifier(ident.Name.TrimStart('.'));
                break;
            case SelectExpr select:
                Visit(select.Operand, depth + 1);
                break;
            case CallExpr call:
                VisitCall(call, depth);
                break;
            case ListExpr list:
                foreach (var e in list.Elements)
                {
                    Visit(e, depth + 1);
                }

                break;
            case MapExpr map:
                foreach (var entry in map.Entries)
                {
                    Visit(entry.Key, depth + 1);
                    Visit(entry.Value, depth + 1);
                }

                break;
            case StructExpr structure:
                foreach (var field in structure.Fields)
                {
                    Visit(field.Value, depth + 1);
                }

                break;
            case ComprehensionExpr c:
                Visit(c.IterRange, depth + 1);
                Visit(c.AccuInit, depth + 1);
                _bound.Push(c.AccuVar);
                _bound.Push(c.IterVar);
                if (c.IterVar2 is not null)
                {
                    _bound.Push(c.IterVar2);
                }

                Visit(c.LoopCondition, depth + 1);
                Visit(c.LoopStep, depth + 1);
                Visit(c.Result, depth + 1);
                _bound.Pop();
                _bound.Pop();
                if (c.IterVar2 is not null)
                {
                    _bound.Pop();
                }

                break;
        }
    }

    private void VisitCall(CallExpr call, int depth)
    {
        if (call.Function == "omit" && call.Target is null)
        {
            _usesOmit = true;
        }

        var known = IsOperator(call.Function) || _functions.Contains(call.Function) || call.Function == "omit";
        if (call.Target is IdentExpr target && !_variables.Contains(target.Name) && !_bound.Contains(target.Name))
        {
            var qualified = target.Name + "." + call.Function;
            if (_functions.Contains(qualified))
            {
                // A namespaced function such as random.seededString: the target is part of the name, not a reference.
                if (target.Name == "runtime")
                {
                    AddIdentifier("runtime");
                }
            }
            else if (!known)
            {
                AddUnknownFunction(qualified);
            }
            else
            {
                Visit(target, depth + 1);
            }
        }
        else
        {
            if (!known)
            {
                AddUnknownFunction(call.Function);
            }

            if (call.Target is not null)
            {
                Visit(call.Target, depth + 1);
            }
        }

        foreach (var arg in call.Args)
        {
            Visit(arg, depth + 1);
        }
    }

    private static bool IsOperator(string function) => function.Length > 0 && function[0] is '_' or '@' or '!' or '-';

    private void AddUnknownFunction(string name)
    {
        if (!_unknownFunctions.Contains(name))
        {
            _unknownFunctions.Add(name);
        }
    }

    private void AddIdentifier(string name)
    {
        if (!_bound.Contains(name) && !_identifiers.Contains(name))
        {
            _identifiers.Add(name);
        }
    }

    private static string QualifiedName(string target, string function) => target + "." + function;
}
