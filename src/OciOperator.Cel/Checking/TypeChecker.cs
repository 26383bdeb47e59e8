using OciOperator.Cel.Ast;
using OciOperator.Cel.Common;
using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Checking;

/// <summary>
/// The CEL type checker (cel-go checker.go semantics): declared variables, overload resolution with type
/// parameters, dyn, parametric lists/maps, optionals and comprehension variables. Issues are collected.
/// </summary>
internal sealed partial class TypeChecker
{
    private readonly FunctionRegistry _functions;
    private readonly IReadOnlyDictionary<string, CelType> _variables;
    private readonly Container _container;
    private readonly string _source;
    private readonly List<CelIssue> _issues = [];
    private readonly Dictionary<long, CelType> _types = [];
    private readonly Dictionary<long, string[]> _overloadIds = [];
    private readonly List<(string Name, CelType Type)> _scope = [];
    private TypeSubstitution _subst = new();
    private int _fresh;

    public TypeChecker(FunctionRegistry functions, IReadOnlyDictionary<string, CelType> variables, string container, string source)
    {
        _functions = functions;
        _variables = variables;
        _container = new Container(container);
        _source = source;
    }

    public IReadOnlyList<CelIssue> Issues => _issues;

    /// <summary>The checked type of an expression node (after <see cref="Check"/>), or null when it has none.</summary>
    public CelType? TypeOf(long id) => _types.TryGetValue(id, out var t) ? _subst.Apply(t, dynForFree: true) : null;

    /// <summary>
    /// The overloads the checker resolved, by call expression id (after <see cref="Check"/>): the ids of every overload
    /// whose signature fits the arguments' checked types, as cel-go's reference map records them. One id means the call
    /// can be bound at plan time; more than one (arguments typed <c>dyn</c>) leaves the choice to run time.
    /// </summary>
    public IReadOnlyDictionary<long, string[]> OverloadIds => _overloadIds;

    /// <summary>Checks the expression and returns its (fully substituted) type.</summary>
    public CelType Check(Expr e)
    {
        var t = Visit(e);
        return _subst.Apply(t, dynForFree: true);
    }

    private CelType Visit(Expr e)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var t = e switch
        {
            ConstantExpr c => c.Value switch
            {
                NullValue => CelType.Null,
                var v => v.Type,
            },
            IdentExpr id => CheckIdent(id),
            SelectExpr s => CheckSelect(s),
            CallExpr call => CheckCall(call),
            ListExpr l => CheckList(l),
            MapExpr m => CheckMap(m),
            ComprehensionExpr c => CheckComprehension(c),
            StructExpr st => Error(st, $"undeclared reference to '{st.TypeName}' (in container '{_container.Name}')"),
            _ => CelType.Dyn,
        };
        _types[e.Id] = t;
        return t;
    }

    private CelType Error(Expr at, string message)
    {
        _issues.Add(CelIssue.At(_source, at.Position, message));
        return CelType.Error;
    }

    private CelType Fresh(string hint) => CelType.Param($"_{hint}{++_fresh}");

    private CelType? LookupLocal(string name)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
        {
            if (_scope[i].Name == name)
            {
                return _scope[i].Type;
            }
        }

        return null;
    }

    private CelType? LookupGlobal(string name, bool rooted)
    {
        foreach (var p in _container.Prefixes(rooted))
        {
            if (_variables.TryGetValue(p + name, out var t))
            {
                return t;
            }
        }

        return _container.ResolveType(name, _functions.Types, rooted) is { } tn ? CelType.TypeOf(tn) : null;
    }

    private CelType CheckIdent(IdentExpr id)
    {
        var rooted = id.Name.StartsWith('.');
        var name = rooted ? id.Name[1..] : id.Name;
        if (!rooted && LookupLocal(name) is { } local)
        {
            return local;
        }

        return LookupGlobal(name, rooted) ?? Error(id, $"undeclared reference to '{name}' (in container '{_container.Name}')");
    }

    private CelType CheckSelect(SelectExpr s)
    {
        if (!s.TestOnly && QualifiedName(s) is { } qn)
        {
            var rooted = qn.StartsWith('.');
            if (LookupGlobal(rooted ? qn[1..] : qn, rooted) is { } t)
            {
                return t;
            }
        }

        var operand = _subst.Apply(Visit(s.Operand));
        var optional = false;
        if (operand.Kind == CelTypeKind.Optional)
        {
            optional = true;
            operand = operand.Elem;
        }

        CelType result;
        switch (operand.Kind)
        {
            case CelTypeKind.Map:
                result = operand.Value;
                break;
            case CelTypeKind.Dyn or CelTypeKind.Error or CelTypeKind.TypeParam:
                result = CelType.Dyn;
                break;
            case CelTypeKind.Message when operand.Fields is { } fields:
                if (!fields.TryGetValue(s.Field, out var fieldType))
                {
                    return Error(s, $"undefined field '{s.Field}'");
                }

                result = fieldType;
                break;
            default:
                return Error(s, $"type '{operand}' does not support field selection");
        }

        if (s.TestOnly)
        {
            return CelType.Bool;
        }

        return optional ? CelType.Optional(result) : result;
    }

    private string? QualifiedName(Expr e) => e switch
    {
        IdentExpr id when id.Name.StartsWith('.') || LookupLocal(id.Name) is null => id.Name,
        SelectExpr { TestOnly: false } s when QualifiedName(s.Operand) is { } prefix => prefix + "." + s.Field,
        _ => null,
    };
}
