using OciOperator.Cel.Ast;
using OciOperator.Cel.Common;
using OciOperator.Cel.Lexing;

namespace OciOperator.Cel.Parsing;

/// <summary>A hand-written recursive-descent CEL parser; macros are expanded while parsing.</summary>
public sealed partial class Parser
{
    private readonly string _source;
    private readonly ParserOptions _options;
    private readonly List<CelIssue> _issues = [];
    private List<Token> _tokens = [];
    private int _index;
    private int _depth;
    private long _nextId;
    private bool _unrecoverable;

    private Parser(string source, ParserOptions options)
    {
        _source = source;
        _options = options;
    }

    public static ParseResult Parse(string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options ?? new ParserOptions());
        return parser.Run();
    }

    internal long NextId() => ++_nextId;

    private ParseResult Run()
    {
        if (_source.Length > _options.MaxLength)
        {
            return new ParseResult(null, [CelIssue.At(_source, 0, $"expression size {_source.Length} exceeds limit {_options.MaxLength}")], 0);
        }

        _tokens = Lexer.Tokenize(_source);
        try
        {
            var expr = ParseExpr();
            if (Peek.Kind != TokenKind.Eof)
            {
                Fail(Peek, $"mismatched input '{Peek.Text}' expecting <EOF>");
            }

            return new ParseResult(_issues.Count == 0 ? expr : null, _issues, _nextId);
        }
        catch (ParseFailedException)
        {
            return new ParseResult(null, _issues, _nextId);
        }
    }

    private Token Peek => _tokens[_index];

    private Token PeekAt(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private Token Advance() => _tokens[_index < _tokens.Count - 1 ? _index++ : _index];

    private bool Accept(TokenKind kind)
    {
        if (Peek.Kind == kind)
        {
            Advance();
            return true;
        }

        return false;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            Fail(Peek, Peek.Kind == TokenKind.Eof ? $"unexpected end of input, expecting {what}" : $"mismatched input '{Peek.Text}' expecting {what}");
        }

        return Advance();
    }

    private ParseFailedException Fail(Token at, string message)
    {
        if (at.Kind == TokenKind.Error)
        {
            message = at.Text;
        }

        // A boundary token consumed by the failing rule is given back, so that error recovery can resynchronise on it.
        if (at.Kind is TokenKind.Comma or TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace
            && _index > 0 && _tokens[_index - 1].Position == at.Position && _tokens[_index - 1].Kind == at.Kind)
        {
            _index--;
        }

        // A recovered error can be met again by an enclosing rule at the same token: report each place once.
        if (_issues.Count == 0 || _issues[^1].Offset != at.Position)
        {
            _issues.Add(CelIssue.At(_source, at.Position, message));
        }

        throw new ParseFailedException(message);
    }

    internal void ReportMacroError(int position, string message)
    {
        _issues.Add(CelIssue.At(_source, position, message));
        throw new ParseFailedException(message);
    }

    private void Enter(Token at)
    {
        if (++_depth > _options.MaxDepth || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _unrecoverable = true;
            Fail(at, $"expression recursion limit exceeded: {_options.MaxDepth}");
        }
    }

    private void Leave() => _depth--;

    // Expr = ConditionalOr ["?" ConditionalOr ":" Expr]
    private Expr ParseExpr()
    {
        Enter(Peek);
        try
        {
            var cond = ParseOr();
            if (Peek.Kind != TokenKind.Question)
            {
                return cond;
            }

            var q = Advance();
            var then = ParseOr();
            Expect(TokenKind.Colon, "':'");
            var otherwise = ParseExpr();
            return new CallExpr(NextId(), q.Position, null, Operators.Conditional, [cond, then, otherwise]);
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseOr()
    {
        var added = 0;
        try
        {
            var left = ParseAnd();
            while (Peek.Kind == TokenKind.OrOr)
            {
                var op = Advance();
                Enter(op);
                added++;
                var right = ParseAnd();
                left = new CallExpr(NextId(), op.Position, null, Operators.LogicalOr, [left, right]);
            }

            return left;
        }
        finally
        {
            _depth -= added;
        }
    }

    private Expr ParseAnd()
    {
        var added = 0;
        try
        {
            var left = ParseRelation();
            while (Peek.Kind == TokenKind.AndAnd)
            {
                var op = Advance();
                Enter(op);
                added++;
                var right = ParseRelation();
                left = new CallExpr(NextId(), op.Position, null, Operators.LogicalAnd, [left, right]);
            }

            return left;
        }
        finally
        {
            _depth -= added;
        }
    }

    private Expr ParseRelation()
    {
        var added = 0;
        try
        {
            var left = ParseAddition();
            while (true)
            {
                var fn = Peek.Kind switch
                {
                    TokenKind.Less => Operators.Less,
                    TokenKind.LessEq => Operators.LessEquals,
                    TokenKind.Greater => Operators.Greater,
                    TokenKind.GreaterEq => Operators.GreaterEquals,
                    TokenKind.EqEq => Operators.Equals,
                    TokenKind.NotEq => Operators.NotEquals,
                    TokenKind.In => Operators.In,
                    _ => null,
                };
                if (fn is null)
                {
                    return left;
                }

                var op = Advance();
                Enter(op);
                added++;
                var right = ParseAddition();
                left = new CallExpr(NextId(), op.Position, null, fn, [left, right]);
            }
        }
        finally
        {
            _depth -= added;
        }
    }

    private Expr ParseAddition()
    {
        var added = 0;
        try
        {
            var left = ParseMultiplication();
            while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
            {
                var op = Advance();
                Enter(op);
                added++;
                var right = ParseMultiplication();
                left = new CallExpr(NextId(), op.Position, null, op.Kind == TokenKind.Plus ? Operators.Add : Operators.Subtract, [left, right]);
            }

            return left;
        }
        finally
        {
            _depth -= added;
        }
    }

    private Expr ParseMultiplication()
    {
        var added = 0;
        try
        {
            var left = ParseUnary();
            while (Peek.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
            {
                var op = Advance();
                Enter(op);
                added++;
                var fn = op.Kind switch
                {
                    TokenKind.Star => Operators.Multiply,
                    TokenKind.Slash => Operators.Divide,
                    _ => Operators.Modulo,
                };
                var right = ParseUnary();
                left = new CallExpr(NextId(), op.Position, null, fn, [left, right]);
            }

            return left;
        }
        finally
        {
            _depth -= added;
        }
    }

    private Expr ParseUnary()
    {
        var start = Peek;
        if (start.Kind == TokenKind.Bang)
        {
            var n = 0;
            while (Accept(TokenKind.Bang))
            {
                n++;
            }

            Enter(start);
            var operand = ParseMember();
            Leave();
            return n % 2 == 0 ? operand : new CallExpr(NextId(), start.Position, null, Operators.LogicalNot, [operand]);
        }

        if (start.Kind == TokenKind.Minus)
        {
            var n = 0;
            while (Accept(TokenKind.Minus))
            {
                n++;
            }

            if (n % 2 == 1 && Peek.Kind is TokenKind.Int or TokenKind.Double)
            {
                // A single sign belongs to the numeric literal (so that -9223372036854775808 is valid).
                Enter(start);
                var lit = ParseMember(negateLiteral: true);
                Leave();
                return lit;
            }

            Enter(start);
            var operand = ParseMember();
            Leave();
            return n % 2 == 0 ? operand : new CallExpr(NextId(), start.Position, null, Operators.Negate, [operand]);
        }

        return ParseMember();
    }
}
