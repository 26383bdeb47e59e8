using OciOperator.Cel.Ast;
using OciOperator.Cel.Lexing;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Parsing;

/// <summary>
/// Error recovery: a syntax error inside one element of a comma-separated list (call arguments, list and map
/// literals, message fields, a parenthesised expression) is recorded, the parser skips to the next ',' or the closing
/// token at the same nesting level, and goes on, so that one parse reports every such error (up to
/// <see cref="MaxIssues"/>). Nesting-limit errors are not recovered from.
/// </summary>
public sealed partial class Parser
{
    /// <summary>At most this many syntax errors are reported (as cel-go does).</summary>
    public const int MaxIssues = 100;

    private T ParseRecovering<T>(Func<T> parse, TokenKind close, Func<int, T> placeholder)
    {
        var start = Peek.Position;
        try
        {
            return parse();
        }
        catch (ParseFailedException) when (!_unrecoverable && _issues.Count < MaxIssues)
        {
            SkipToBoundary(close);
            return placeholder(start);
        }
    }

    private Expr ParseExprRecovering(TokenKind close) =>
        ParseRecovering(ParseExpr, close, at => new ConstantExpr(NextId(), at, NullValue.Instance));

    /// <summary>Skips tokens up to (not including) a ',' or a closing token outside any nested brackets, or the end.</summary>
    private void SkipToBoundary(TokenKind close)
    {
        var nesting = 0;
        while (Peek.Kind != TokenKind.Eof)
        {
            switch (Peek.Kind)
            {
                case TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace:
                    nesting++;
                    break;
                case TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace when nesting > 0:
                    nesting--;
                    break;
                case TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace:
                case TokenKind.Comma when nesting == 0:
                    return;
            }

            if (Peek.Kind == close && nesting == 0)
            {
                return;
            }

            Advance();
        }
    }
}
